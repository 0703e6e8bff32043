/** The TensorFlow.js core the engine runs on (wasm backend only), as a type. */
export type Tf = typeof import('@tensorflow/tfjs-core');
export type Tensor = import('@tensorflow/tfjs-core').Tensor;
