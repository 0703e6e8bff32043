/**
 * A faster Concat for the wasm backend. tfjs-backend-wasm 4.22 concatenates numeric tensors in
 * JavaScript, one `subarray` + `set` per row of the batch dimension: for face-api's
 * `normalize` (concat of R, G, B along the last axis) that is one small allocation per pixel, and
 * profiling put it at ~19 ms and a large share of the garbage collection per photo. This copies
 * the same values with plain loops; anything else (strings, empty inputs) goes to the original.
 */

interface TensorInfo {
	dataId: object;
	shape: number[];
	dtype: string;
}

interface WasmBackendLike {
	makeOutput(shape: number[], dtype: string): TensorInfo;
	typedArrayFromHeap(info: TensorInfo): {length: number; [index: number]: number};
}

interface KernelConfig {
	kernelName: string;
	backendName: string;
	kernelFunc: (args: {inputs: TensorInfo[]; backend: unknown; attrs?: Record<string, unknown>}) => unknown;
	setupFunc?: unknown;
	disposeFunc?: unknown;
}

interface KernelRegistry {
	getKernel(name: string, backend: string): KernelConfig | undefined;
	unregisterKernel(name: string, backend: string): void;
	registerKernel(config: KernelConfig): void;
}

export function installFastConcat(tf: KernelRegistry): void {
	const original = tf.getKernel('Concat', 'wasm');
	if (!original) return;
	const kernelFunc: KernelConfig['kernelFunc'] = (args) => {
		const {inputs} = args;
		const backend = args.backend as WasmBackendLike;
		const first = inputs[0];
		const rank = first?.shape.length ?? 0;
		let axis = Number(args.attrs?.axis ?? 0);
		if (axis < 0) axis += rank;
		const simple =
			first !== undefined &&
			first.dtype !== 'string' &&
			inputs.length > 1 &&
			inputs.every((input) => input.dtype === first.dtype && input.shape.length === rank && input.shape.every((size) => size > 0));
		if (!simple || axis < 0 || axis >= rank) return original.kernelFunc(args);

		const outShape = [...first.shape];
		outShape[axis] = inputs.reduce((sum, input) => sum + input.shape[axis]!, 0);
		const batch = first.shape.slice(0, axis).reduce((product, size) => product * size, 1);
		const inner = inputs.map((input) => input.shape.slice(axis).reduce((product, size) => product * size, 1));
		const out = backend.makeOutput(outShape, first.dtype);
		const target = backend.typedArrayFromHeap(out);
		const sources = inputs.map((input) => backend.typedArrayFromHeap(input));
		let offset = 0;
		for (let b = 0; b < batch; b++) {
			for (let i = 0; i < sources.length; i++) {
				const source = sources[i]!;
				const size = inner[i]!;
				for (let k = 0, from = b * size; k < size; k++) target[offset++] = source[from + k]!;
			}
		}
		return out;
	};
	tf.unregisterKernel('Concat', 'wasm');
	tf.registerKernel({...original, kernelFunc});
}
