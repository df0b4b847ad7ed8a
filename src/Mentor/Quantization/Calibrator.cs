using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Quantization;

/// <summary>
/// Min/max calibration: runs the fp32 graph, with every planned activation added as an output, over the
/// calibration photos and records each activation's smallest and largest value.
/// </summary>
internal static class Calibrator
{
    private const int BatchSize = 8;

    /// <summary>The range of each of <paramref name="tensors"/>; unreadable photos are skipped.</summary>
    public static Dictionary<string, ActivationRange> Run(byte[] model, string inputName, IReadOnlyList<string> tensors,
        CalibrationSet calibration, PreprocessingSpec preprocessing, CancellationToken cancellation)
    {
        using var options = OnnxSessionOptions.Create();
        using var session = new InferenceSession(model, options);
        using var runOptions = new RunOptions();
        var ranges = tensors.ToDictionary(t => t, _ => ActivationRange.Empty, StringComparer.Ordinal);
        var length = preprocessing.TensorLength;
        var buffer = new float[BatchSize * length];
        var used = 0;
        var photos = calibration.Photos;
        for (var start = 0; start < photos.Count; start += BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = photos.Skip(start).Take(BatchSize).ToList();
            var ok = new bool[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                try
                {
                    ImagePreparer.Prepare(ImageFile.Read(batch[i]), batch[i], preprocessing, buffer.AsSpan(i * length, length));
                    ok[i] = true;
                }
                catch (ImageDecodeException) { }
            });
            var count = 0;
            for (var i = 0; i < batch.Count; i++)
                if (ok[i]) buffer.AsSpan(i * length, length).CopyTo(buffer.AsSpan(count++ * length));
            if (count == 0) continue;
            used += count;
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * length), preprocessing.BatchShape(count));
            using var outputs = session.Run(runOptions, [inputName], [input], tensors.ToArray());
            for (var t = 0; t < tensors.Count; t++)
                ranges[tensors[t]] = ranges[tensors[t]].Union(MinMax(outputs[t].GetTensorDataAsSpan<float>()));
        }
        if (used == 0)
            throw new QuantizationException($"{Path.GetDirectoryName(photos[0])}: none of the {photos.Count} calibration file(s) is a usable image; pass a folder of your training photos.");
        return ranges;
    }

    private static ActivationRange MinMax(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(values);
        if (vectors.Length > 0)
        {
            var vmin = vectors[0];
            var vmax = vectors[0];
            foreach (var v in vectors)
            {
                vmin = System.Numerics.Vector.Min(vmin, v);
                vmax = System.Numerics.Vector.Max(vmax, v);
            }
            for (var i = 0; i < System.Numerics.Vector<float>.Count; i++)
            {
                min = MathF.Min(min, vmin[i]);
                max = MathF.Max(max, vmax[i]);
            }
        }
        for (var i = vectors.Length * System.Numerics.Vector<float>.Count; i < values.Length; i++)
        {
            min = MathF.Min(min, values[i]);
            max = MathF.Max(max, values[i]);
        }
        return new ActivationRange(min, max);
    }
}
