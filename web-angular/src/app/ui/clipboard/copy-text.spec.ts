import { copyText } from './copy-text';

describe('copyText', () => {
  afterEach(() => {
    // The fallback test shadows these on the instances; deleting brings back the real ones.
    Reflect.deleteProperty(navigator, 'clipboard');
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('writes through the Clipboard API when there is one', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const doc = { defaultView: { navigator: { clipboard: { writeText } } } } as unknown as Document;
    await expect(copyText('curl x', doc)).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('curl x');
  });

  it('falls back to a hidden textarea when the Clipboard API refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const execCommand = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await expect(copyText('grpcurl y')).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
  });
});
