using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Mentor.Imaging;

/// <summary>
/// JPEG decoding through the system's libjpeg-turbo (TurboJPEG API) when it is installed (Debian: <c>libturbojpeg0</c>).
/// Why a binding of our own: the libjpeg-turbo inside SkiaSharp's native library is built without its SIMD code, so a
/// clothing photo takes 1.5 ms there against 0.54 ms here, and decoding is most of what preparing a photo costs; no NuGet
/// package wraps libturbojpeg. The pixels are the same bytes Skia gives (same library, same integer IDCT and upsampling:
/// checked on photos of both datasets, at every scale, by the tests), so nothing downstream, the feature cache included, can tell.
/// Anything unusual (a warning, CMYK, a size the codec cannot produce) is left to Skia, which decodes or reports it.
/// </summary>
internal static unsafe class TurboJpeg
{
    private const int PixelFormatRgba = 7; // TJPF_RGBA: alpha 255

    private static readonly string[] LibraryNames = ["libturbojpeg.so.0", "libturbojpeg.so", "libturbojpeg.0.dylib", "turbojpeg.dll"];

    private static readonly Api? Library = Load();

    // TurboJPEG handles are not thread-safe; one per concurrent decoder, kept for the life of the process (a few KB each).
    private static readonly ConcurrentBag<nint> Handles = [];

    /// <summary>Whether the system library was found.</summary>
    public static bool IsAvailable => Library is not null;

    /// <summary>
    /// Decodes <paramref name="jpeg"/> as 8-bit RGBA into <paramref name="pixels"/> at exactly <paramref name="width"/> x
    /// <paramref name="height"/> (the full size or a DCT scale of it). False, with the pixels unspecified, when the
    /// library is missing or reports anything, warnings included: the caller then decodes with Skia.
    /// </summary>
    public static bool TryDecodeRgba(ReadOnlySpan<byte> jpeg, int width, int height, nint pixels, int rowBytes)
    {
        if (Library is not { } api) return false;
        if (!Handles.TryTake(out var handle))
        {
            handle = api.InitDecompress();
            if (handle == 0) return false;
        }
        try
        {
            fixed (byte* source = jpeg)
            {
                int fullWidth, fullHeight, subsampling, colorspace;
                if (api.DecompressHeader3(handle, source, (nuint)jpeg.Length, &fullWidth, &fullHeight, &subsampling, &colorspace) != 0) return false;
                // TurboJPEG picks the largest scale that fits the requested size; accept only the sizes Skia asked for exactly.
                if (!IsEighthScale(fullWidth, fullHeight, width, height)) return false;
                return api.Decompress2(handle, source, (nuint)jpeg.Length, (byte*)pixels, width, rowBytes, height, PixelFormatRgba, 0) == 0;
            }
        }
        finally
        {
            Handles.Add(handle);
        }
    }

    // The sizes both libraries produce for scales 1, 1/2, 1/4 and 1/8 (rounded up).
    private static bool IsEighthScale(int fullWidth, int fullHeight, int width, int height)
    {
        foreach (var denominator in (ReadOnlySpan<int>)[1, 2, 4, 8])
            if ((fullWidth + denominator - 1) / denominator == width && (fullHeight + denominator - 1) / denominator == height)
                return true;
        return false;
    }

    private static Api? Load()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var library)) continue;
            if (NativeLibrary.TryGetExport(library, "tjInitDecompress", out var init)
                && NativeLibrary.TryGetExport(library, "tjDecompressHeader3", out var header)
                && NativeLibrary.TryGetExport(library, "tjDecompress2", out var decompress))
                return new Api(
                    (delegate* unmanaged<nint>)init,
                    (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)header,
                    (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)decompress);
        }
        return null;
    }

    private sealed class Api(
        delegate* unmanaged<nint> initDecompress,
        delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int> decompressHeader3,
        delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int> decompress2)
    {
        public nint InitDecompress() => initDecompress();

        public int DecompressHeader3(nint handle, byte* source, nuint size, int* width, int* height, int* subsampling, int* colorspace) =>
            decompressHeader3(handle, source, size, width, height, subsampling, colorspace);

        public int Decompress2(nint handle, byte* source, nuint size, byte* destination, int width, int pitch, int height, int pixelFormat, int flags) =>
            decompress2(handle, source, size, destination, width, pitch, height, pixelFormat, flags);
    }
}
