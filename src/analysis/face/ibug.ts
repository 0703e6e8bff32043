import type {Point} from './landmarks.js';

/**
 * The 68 iBUG points (dlib's layout, which the pixel measures and the overlay read) as face-mesh
 * indices; a pair is averaged. After the correspondence of Peizhi Yan's Mediapipe_2_Dlib_Landmarks
 * (2024), checked on overlays of shared photos: jaw 0–16 from the subject's right (image left),
 * brows 17–26, nose 27–35, eyes 36–47 (corner, upper lid ×2, corner, lower lid ×2), lips 48–59
 * outer and 60–67 inner.
 */
const MESH_OF_IBUG: ReadonlyArray<number | readonly [number, number]> = [
	// jaw
	127,
	234,
	93,
	[132, 58],
	[58, 172],
	136,
	150,
	176,
	152,
	400,
	379,
	365,
	[397, 288],
	361,
	323,
	454,
	356,
	// brows
	70,
	63,
	105,
	66,
	107,
	336,
	296,
	334,
	293,
	300,
	// nose: bridge, then the base from right to left
	[168, 6],
	[197, 195],
	5,
	4,
	75,
	97,
	2,
	326,
	305,
	// eyes
	33,
	160,
	158,
	133,
	153,
	144,
	362,
	385,
	387,
	263,
	373,
	380,
	// outer lips
	61,
	39,
	37,
	0,
	267,
	269,
	291,
	405,
	314,
	17,
	84,
	181,
	// inner lips
	78,
	82,
	13,
	312,
	308,
	317,
	14,
	87,
];

/** The 68 iBUG points of a 468-point mesh. */
export function ibugFromMesh(mesh: readonly Point[]): Point[] {
	const at = (index: number): Point => {
		const point = mesh[index];
		if (!point) throw new Error(`photo-requirements: mesh point ${index} missing`);
		return point;
	};
	return MESH_OF_IBUG.map((entry): Point => {
		if (typeof entry === 'number') return [...at(entry)];
		const [a, b] = [at(entry[0]), at(entry[1])];
		return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
	});
}
