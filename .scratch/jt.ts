import { encode, decode } from "jpeg-js";
const width=2200,height=1600;
const data = Buffer.alloc(width * height * 4);
let state = 20_261_126;
for (let i = 0; i < data.length; i += 4) { state = (state * 1_103_515_245 + 12_345) & 0x7fffffff; const v = state & 0xff; data[i] = v; data[i + 1] = (v * 7) & 0xff; data[i + 2] = (v * 13) & 0xff; data[i + 3] = 0xff; }
const jpg = encode({ data, width, height }, 90).data;
console.log("bytes", jpg.length);
for (let k=0;k<3;k++){ const t=performance.now(); const img = decode(jpg, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 }); console.log("decode ms", performance.now()-t, img.width);}
