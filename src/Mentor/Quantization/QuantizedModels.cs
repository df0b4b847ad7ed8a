using System.Security.Cryptography;
using System.Text;
using Mentor.Backbones;

namespace Mentor.Quantization;

/// <summary>
/// Quantised backbones, made once per backbone, calibration set and preprocessing and kept in the cache folder
/// (<c>&lt;cache&gt;/backbones/&lt;spec content hash&gt;.int8-&lt;key&gt;.onnx</c>), so calibration runs once.
/// </summary>
internal static class QuantizedModels
{
    /// <summary>The path of the quantised model, quantising (and calibrating) first if it is not cached.</summary>
    public static string GetOrCreate(BackboneModel fp32, PreprocessingSpec preprocessing, CalibrationSet calibration,
        string cacheDirectory, CancellationToken cancellation = default)
    {
        var sha256 = fp32.Spec.ContentHash;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"quantizer={BackboneQuantizer.Version}\ncalibration={calibration.Hash}\npreprocessing={preprocessing.Id}")))[..16];
        var path = Path.Combine(cacheDirectory, "backbones", $"{sha256}.int8-{key}.onnx");
        if (File.Exists(path)) return path;
        var result = BackboneQuantizer.Quantize(fp32, calibration, preprocessing, cancellation);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, result.Model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DiskFullException)
        {
            // An unwritable cache folder: keep the model beside the other temporary files instead.
            path = Path.Combine(Path.GetTempPath(), $"mentor-{sha256[..16]}.int8-{key}.onnx");
            AtomicFile.WriteAllBytes(path, result.Model);
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return path;
    }

    /// <summary>Removes a cached model that failed to load, so the next load remakes it.</summary>
    public static void Discard(string path) => PreparedModels.Discard(path);
}
