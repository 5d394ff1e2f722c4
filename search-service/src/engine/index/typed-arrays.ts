type TypedArray = Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array | Uint16Array;

/** A copy of `array` with a larger length, the same element type and the old contents at the front. */
export function grow<T extends TypedArray>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
