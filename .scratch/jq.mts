import { readFileSync } from "node:fs";
import { encode as jencode } from "jpeg-js";
import decode, { init as initDecode } from "@jsquash/jpeg/decode.js";
import encode, { init as initEncode } from "@jsquash/jpeg/encode.js";
await initDecode(await WebAssembly.compile(readFileSync("node_modules/@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm")));
await initEncode(await WebAssembly.compile(readFileSync("node_modules/@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm")));
const width=2200,height=1600;
const data = Buffer.alloc(width * height * 4);
let state = 20_261_126;
for (let i = 0; i < data.length; i += 4) { state = (state * 1_103_515_245 + 12_345) & 0x7fffffff; const v = state & 0xff; data[i] = v; data[i + 1] = (v * 7) & 0xff; data[i + 2] = (v * 13) & 0xff; data[i + 3] = 0xff; }
const jpg = jencode({ data, width, height }, 90).data;
for (let k=0;k<3;k++){ const t=performance.now(); const img = await decode(jpg); const t2=performance.now(); 
 const small = { data: new Uint8ClampedArray(800*582*4), width: 800, height: 582, colorSpace: "srgb" };
 const out = await encode(small as any, { quality: 70 }); console.log("decode ms", t2-t, "encode small", performance.now()-t2, img.width, out.byteLength);}
