using Mentor.Backbones;
using Mentor.Quantization;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Export;

/// <summary>
/// The int8 version of the project's model, made on the first request after each training (under the compute gate,
/// calibrated on a seeded sample of the photos the head was trained on, never the held-out ones) and kept beside the
/// model as <c>.mentor-studio/int8/&lt;model hash&gt;.onnx</c> until the next training replaces it.
/// </summary>
public sealed class Int8Export(StudioProject project, StudioOptions options, ComputeGate gate, TrainingJob training)
{
    private string Folder => Path.Combine(project.StudioFolder, "int8");

    /// <summary>The int8 model file for the current model, made if needed.</summary>
    /// <exception cref="StudioException">No model yet (404), or it cannot be quantised, e.g. its backbone was fine-tuned (409).</exception>
    public async Task<string> GetOrCreateAsync(CancellationToken cancellation)
    {
        if (!File.Exists(training.ModelPath)) throw StudioException.NotFound("no model yet; press Train first");
        using (await gate.EnterAsync(cancellation).ConfigureAwait(false))
        {
            var path = Path.Combine(Folder, PreparedModels.HashFile(training.ModelPath)[..16] + ".onnx");
            if (File.Exists(path)) return path;
            Directory.CreateDirectory(Folder);
            try
            {
                await Task.Run(() => ModelFileQuantizer.Quantize(training.ModelPath, Calibration(), project.Root, path, options.CacheDirectory, cancellation), cancellation)
                    .ConfigureAwait(false);
            }
            catch (QuantizationException e)
            {
                throw StudioException.Conflict("cannot_quantize", e.Message);
            }
            foreach (var old in Directory.EnumerateFiles(Folder, "*.onnx").Where(f => f != path)) File.Delete(old);
            return path;
        }
    }

    // The photos the last run trained on: every photo but the ones it held out.
    private CalibrationSet Calibration()
    {
        var heldOut = project.State.Read().LastTraining?.HeldOut.Select(p => (p.Class, p.Name)).ToHashSet() ?? [];
        var trained = project.Classes()
            .SelectMany(c => project.Photos(c.Name).Where(n => !heldOut.Contains((c.Name, n))).Select(n => Path.Combine(project.Root, c.Name, n)));
        return CalibrationSet.Sample(trained, CalibrationSet.DefaultCount, options.Seed);
    }
}
