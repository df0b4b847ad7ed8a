using BenchmarkDotNet.Attributes;
using Mentor.Backbones;
using Mentor.Imaging;

namespace Mentor.Bench;

/// <summary>Per-photo cost of each step from JPEG bytes to the ResNet-18 input tensor (one thread).</summary>
[MemoryDiagnoser]
public class ImagePreparationBenchmarks
{
    private byte[][] _photos = [];
    private readonly float[] _tensor = new float[3 * 224 * 224];
    private PreprocessingSpec _bilinear = null!;
    private PreprocessingSpec _smooth = null!;
    private SkiaSharp.SKBitmap[] _decoded = [];
    private (SkiaSharp.SKBitmap Bitmap, int Left, int Top)[] _scaled = [];

    [GlobalSetup]
    public void Setup()
    {
        _photos = BenchData.ClothingPhotos(32).Select(File.ReadAllBytes).ToArray();
        _bilinear = BackboneRegistry.Get("resnet18").Preprocessing;
        _smooth = _bilinear.WithResize(_bilinear.Resize with { Filter = ResizeFilter.Smooth });
        _ = _bilinear.Mean;
        _decoded = _photos.Select(p => ImageDecoder.Decode(p, "photo", 256)).ToArray();
        _scaled = _decoded.Select(d => ImageResizer.ScaleForInput(d, _bilinear.Resize, 224)).ToArray();
    }

    /// <summary>Only the bilinear resize of decoded photos to the input's scale.</summary>
    [Benchmark(OperationsPerInvoke = 32)]
    public void Resize()
    {
        foreach (var decoded in _decoded) ImageResizer.ScaleForInput(decoded, _bilinear.Resize, 224).Scaled.Dispose();
    }

    /// <summary>Only the crop, normalisation and planar write of resized photos.</summary>
    [Benchmark(OperationsPerInvoke = 32)]
    public void WriteTensor()
    {
        foreach (var (bitmap, left, top) in _scaled) TensorWriter.Write(bitmap, left, top, _bilinear, _tensor);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 32)]
    public void Decode()
    {
        foreach (var photo in _photos) ImageDecoder.Decode(photo, "photo", 224).Dispose();
    }

    /// <summary>Skia's own JPEG decoder, which <see cref="ImageDecoder"/> bypasses when the system's libjpeg-turbo is installed.</summary>
    [Benchmark(OperationsPerInvoke = 32)]
    public void DecodeWithSkia()
    {
        foreach (var photo in _photos)
        {
            using var data = SkiaSharp.SKData.CreateCopy(photo);
            using var codec = SkiaSharp.SKCodec.Create(data);
            using var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(codec.Info.Width, codec.Info.Height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Premul));
            codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        }
    }

    [Benchmark(OperationsPerInvoke = 32)]
    public void PrepareBilinear()
    {
        foreach (var photo in _photos) Features.ImagePreparer.Prepare(photo, "photo", _bilinear, _tensor);
    }

    [Benchmark(OperationsPerInvoke = 32)]
    public void PrepareSmooth()
    {
        foreach (var photo in _photos) Features.ImagePreparer.Prepare(photo, "photo", _smooth, _tensor);
    }
}
