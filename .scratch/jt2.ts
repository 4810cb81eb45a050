import { encode, decode } from "jpeg-js";
const width=2200,height=1600;
const data = Buffer.alloc(width * height * 4);
let state = 7;
for (let y=0;y<height;y++) for (let x=0;x<width;x++){ const i=(y*width+x)*4; state = (state * 1_103_515_245 + 12_345) & 0x7fffffff; const n = (state & 0x1f) - 16; data[i]=(x*255/width+n)&0xff; data[i+1]=(y*255/height+n)&0xff; data[i+2]=((x+y)&0xff); data[i+3]=255; }
const jpg = encode({ data, width, height }, 85).data;
console.log("bytes", jpg.length);
for (let k=0;k<3;k++){ const t=performance.now(); const img = decode(jpg, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 }); const t2=performance.now(); const e=encode({data: Buffer.alloc(800*582*4), width:800, height:582}, 75); console.log("decode ms", t2-t, "enc", performance.now()-t2, img.width);}
