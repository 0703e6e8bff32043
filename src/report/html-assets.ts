/**
 * The HTML report's inline style and script. Both are allowed by hash in the page's
 * Content-Security-Policy, so nothing else (and nothing a file name could smuggle in) can run.
 */

export const STYLE = `
:root{--fail:#c81e1e;--warn:#a15c00;--pass:#0f7b3f;--skip:#64748b;--line:#e2e8f0;--muted:#475569;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
body{margin:0 auto;max-width:1280px;padding:16px 20px 60px}
h1{font-size:22px;margin:8px 0 4px}
h2{font-size:16px;margin:0;overflow-wrap:anywhere}
h3{font-size:13px;margin:12px 0 4px}
.meta{color:var(--muted);margin:0 0 12px}
section.block{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;overflow-x:auto}
.tiles{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:10px}
.tile{border:1px solid var(--line);border-radius:8px;background:#fff;padding:8px 14px;text-align:left;cursor:pointer;font:inherit;min-width:140px}
.tile b{font-size:22px;display:block}
.tile.v-return b{color:var(--fail)}.tile.v-review b{color:var(--warn)}.tile.v-accept b{color:var(--pass)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
th{font-size:12px;color:var(--muted);font-weight:600}
.photos th{white-space:nowrap}
th button{all:unset;cursor:pointer}
th button::after{content:" ↕";color:#cbd5e1}
th[aria-sort=ascending] button::after{content:" ↑";color:inherit}
th[aria-sort=descending] button::after{content:" ↓";color:inherit}
td.num{text-align:right;font-variant-numeric:tabular-nums}
button.link{all:unset;cursor:pointer;color:#1d4ed8}
button.link:hover,a:hover{text-decoration:underline}
a{color:#1d4ed8;text-decoration:none}
.controls{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-bottom:8px}
.controls label{display:flex;gap:6px;align-items:center;max-width:100%}
.controls select{min-width:0;max-width:100%}
select{font:inherit;padding:2px 4px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.v-return .badge,.badge.v-return,.badge.st-fail{background:var(--fail)}
.badge.v-review,.badge.st-warn{background:var(--warn)}
.badge.v-accept,.badge.st-pass{background:var(--pass)}
.badge.st-skip{background:var(--skip)}
.reasons{margin:4px 0 0;padding-left:18px}
.flags{color:var(--muted);font-size:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;content-visibility:auto;contain-intrinsic-size:auto 1000px}
.card header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.card .body{display:grid;grid-template-columns:minmax(260px,480px) minmax(0,1fr);gap:20px;margin-top:10px}
@media (max-width:760px){body{padding:8px 10px 40px}.card{padding:10px}.card .body{grid-template-columns:minmax(0,1fr)}.figures th{width:55%}}
@media (max-width:560px){table.reason-counts,table.photos,.reason-counts tbody,.photos tbody,.photos thead{display:block}.reason-counts thead,.photos thead th:last-child{display:none}.photos thead tr{display:flex;flex-wrap:wrap;gap:4px 14px}.photos thead th{border:0;padding:2px 0}.reason-counts tr,.photos tbody tr{display:grid;grid-template-columns:auto minmax(0,1fr) auto;gap:2px 8px;padding:6px 0;border-bottom:1px solid var(--line)}.reason-counts td,.photos td{border:0;padding:0;overflow-wrap:anywhere}.reason-counts td:first-child,.photos td:nth-child(n+4){grid-column:1/-1}.reason-counts td.num{text-align:left}.reason-counts td:nth-child(3)::before{content:"returned "}.reason-counts td:nth-child(4)::before{content:"warning only "}.photos td:nth-child(4):not(:empty)::before{content:"Reasons: ";color:var(--muted)}}
figure{margin:0}
.viewer{overflow:auto;max-height:85vh;background:#e2e8f0;border-radius:4px}
.viewer svg{display:block;width:100%;height:auto}
.viewer.zoomed svg{max-width:none}
.tools{display:flex;gap:4px 14px;flex-wrap:wrap;align-items:center;font-size:12px;margin-top:6px}
.tools label{display:flex;gap:4px;align-items:center;cursor:pointer}
.tools button{font:inherit;padding:2px 8px;border:1px solid #cbd5e1;border-radius:4px;background:#fff;cursor:pointer}
.tools button[aria-pressed=true]{background:#e2e8f0}
figcaption{color:var(--muted);font-size:12px;margin-top:4px}
.crop-preview{margin-top:12px}
.crop-preview svg{display:block;width:160px;height:auto;border:1px solid #cbd5e1}
.nopic{height:200px;display:flex;align-items:center;justify-content:center;text-align:center;background:#f1f5f9;color:var(--muted);border-radius:4px;padding:8px;box-sizing:border-box}
.advice{background:#fffbeb;border:1px solid #fcd34d;border-radius:6px;padding:6px 12px;margin-top:10px}
.advice h3{margin:4px 0}
.advice ol{margin:4px 0;padding-left:20px}
.advice li{margin:2px 0}
.advice .for{color:var(--muted);font-size:12px}
.status-part>h3{font-size:14px;margin:0 0 4px}
.status-part+.status-part{margin-top:14px}
.group h4{font-size:13px;margin:8px 0 2px}
.group code{font-weight:400;color:var(--muted);font-size:11px}
.check{border-top:1px solid var(--line);padding:6px 0 4px}
.check-head .id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.check p{margin:2px 0}
.check .req{color:var(--muted);font-size:12px}
.check .message{overflow-wrap:break-word}
.check .if-returned{color:var(--muted);font-size:12px}
.check .if-returned code{font-size:11px}
.figures{margin:4px 0;font-size:12px;table-layout:fixed}
.figures th{width:50%}.figures td.value{width:18%}
.figures th{font-weight:400;color:inherit;font-size:12px;padding:2px 8px 2px 0}
.figures td{padding:2px 8px}
.figures td.value{font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
.figures td.limit{color:var(--muted)}
details.met{margin-top:14px}
details.met>summary{cursor:pointer;font-weight:600}
.raw>summary{font-size:12px;color:var(--muted);cursor:pointer}
.raw-body{display:grid;grid-template-columns:1fr 1fr;gap:8px;font-size:12px}
.none{margin:0;color:var(--muted)}
.kv{list-style:none;margin:0;padding:0;font-size:12px;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.kv span{color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:var(--muted);list-style:none;padding:0;margin:8px 0 0}
.legend svg{vertical-align:middle;margin-right:4px}
[hidden]{display:none!important}
`;

export const SCRIPT = `
(function () {
	'use strict';
	var verdictSelect = document.getElementById('f-verdict');
	var reasonSelect = document.getElementById('f-reason');
	var shown = document.getElementById('shown');
	var tbody = document.querySelector('#index tbody');
	var cardsBox = document.getElementById('cards');
	var rows = Array.prototype.slice.call(tbody.rows);
	var cards = {};
	Array.prototype.forEach.call(cardsBox.children, function (card) { cards[card.getAttribute('data-i')] = card; });

	function applyFilter() {
		var verdict = verdictSelect.value;
		var reason = reasonSelect.value;
		var count = 0;
		rows.forEach(function (row) {
			var match = (!verdict || row.getAttribute('data-verdict') === verdict) &&
				(!reason || (' ' + row.getAttribute('data-flags') + ' ').indexOf(' ' + reason + ' ') >= 0);
			row.hidden = !match;
			var card = cards[row.getAttribute('data-i')];
			if (card) card.hidden = !match;
			if (match) count++;
		});
		shown.textContent = count === rows.length ? 'Showing all ' + count + ' photos' : 'Showing ' + count + ' of ' + rows.length + ' photos';
	}
	verdictSelect.addEventListener('change', applyFilter);
	reasonSelect.addEventListener('change', applyFilter);
	document.addEventListener('click', function (event) {
		var target = event.target.closest('[data-set-verdict],[data-set-reason]');
		if (!target) return;
		verdictSelect.value = target.getAttribute('data-set-verdict') || '';
		reasonSelect.value = target.getAttribute('data-set-reason') || '';
		applyFilter();
		document.getElementById('index').scrollIntoView();
	});

	// Sorting reorders the table, and the photos below to match.
	var keys = {
		index: function (row) { return Number(row.getAttribute('data-i')); },
		file: function (row) { return row.getAttribute('data-file'); },
		verdict: function (row) { return Number(row.getAttribute('data-rank')); },
		reasons: function (row) { return Number(row.getAttribute('data-nreasons')); }
	};
	Array.prototype.forEach.call(document.querySelectorAll('#index th button[data-sort]'), function (button) {
		button.addEventListener('click', function () {
			var th = button.parentElement;
			var descending = th.getAttribute('aria-sort') === 'ascending';
			Array.prototype.forEach.call(document.querySelectorAll('#index th'), function (other) { other.removeAttribute('aria-sort'); });
			th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
			var key = keys[button.getAttribute('data-sort')];
			rows.sort(function (a, b) {
				var x = key(a), y = key(b);
				var order = x < y ? -1 : x > y ? 1 : Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
				return descending ? -order : order;
			});
			var rowsFragment = document.createDocumentFragment();
			var cardsFragment = document.createDocumentFragment();
			rows.forEach(function (row) {
				rowsFragment.appendChild(row);
				var card = cards[row.getAttribute('data-i')];
				if (card) cardsFragment.appendChild(card);
			});
			tbody.appendChild(rowsFragment);
			cardsBox.appendChild(cardsFragment);
		});
	});

	// Pictures load when their photo comes near the screen: a 1,000-photo report opens at once.
	function load(card) {
		Array.prototype.forEach.call(card.querySelectorAll('[data-href]'), function (image) {
			image.setAttribute('href', image.getAttribute('data-href'));
			image.removeAttribute('data-href');
		});
	}
	if ('IntersectionObserver' in window) {
		var observer = new IntersectionObserver(function (entries) {
			entries.forEach(function (entry) {
				if (!entry.isIntersecting) return;
				observer.unobserve(entry.target);
				load(entry.target);
			});
		}, {rootMargin: '800px 0px'});
		Object.keys(cards).forEach(function (i) { observer.observe(cards[i]); });
	} else {
		Object.keys(cards).forEach(function (i) { load(cards[i]); });
	}

	// Layers of a picture switch off and on; the picture zooms to one pixel of it per screen pixel.
	document.addEventListener('change', function (event) {
		var box = event.target.closest('[data-layer-toggle]');
		if (!box) return;
		var card = box.closest('.card');
		Array.prototype.forEach.call(card.querySelectorAll('.viewer [data-layer="' + box.getAttribute('data-layer-toggle') + '"]'), function (layer) {
			layer.setAttribute('display', box.checked ? 'inline' : 'none');
		});
	});
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-zoom]');
		if (!button) return;
		var viewer = button.closest('.card').querySelector('.viewer');
		var svg = viewer.querySelector('svg');
		var zoomed = !viewer.classList.contains('zoomed');
		viewer.classList.toggle('zoomed', zoomed);
		svg.style.width = zoomed ? svg.getAttribute('data-width') + 'px' : '';
		button.setAttribute('aria-pressed', String(zoomed));
		button.textContent = zoomed ? 'Fit to the column' : 'View at 1:1';
	});
	applyFilter();
	document.documentElement.setAttribute('data-ready', '');
})();
`;
