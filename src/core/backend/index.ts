// The backend layer of the training core: starting tfjs on wasm/cpu/webgl, and the kernels we add to
// tfjs-backend-wasm so every lesson model can train on it.
export { initBackend, type InitBackendOptions } from './init';
export {
  addedWasmKernels,
  registerWasmTrainingKernels,
  replacedWasmKernels,
} from './kernels/register';
