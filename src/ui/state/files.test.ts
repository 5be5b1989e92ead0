import { describe, expect, it } from 'vitest';
import { fileNameProblem, uploadSizeProblem } from './files.js';

describe('uploads', () => {
  it('accepts files up to the largest installable program and refuses bigger ones with their size', () => {
    expect(uploadSizeProblem(1_000_000)).toBeNull();
    expect(uploadSizeProblem(50_000_000)).toBe(
      'it is 50.0 MB; files are limited to 1 MB (the largest program the server installs)',
    );
  });

  it('refuses names that install could not read as one word', () => {
    expect(fileNameProblem('my prog.ddp', {})).toMatch(/spaces or slashes/);
    expect(fileNameProblem('prog.ddp', { 'prog.ddp': '' })).not.toBeNull();
    expect(fileNameProblem('prog.ddp', {})).toBeNull();
  });
});
