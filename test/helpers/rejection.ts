import { expect } from '@open-wc/testing';
import { MagAdapterError } from '../../src/core/errors.js';

/** Resolves with the MagAdapterError a promise rejects with; fails when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<MagAdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(MagAdapterError);
    return error as MagAdapterError;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
