using Mentor.Backbones;
using Mentor.TestBackbones;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// The backbone spec reader (<see cref="BackboneSpecFile.Read"/>) over a spec next to the tiny test encoder
/// (<c>tiny-encoder.onnx</c>, as seeds name it). Refusal: <see cref="MentorException"/> (<see cref="BackboneSpecException"/> for a bad key).
/// </summary>
public sealed class SpecTarget : FuzzTarget
{
    private static readonly Lazy<TestBackbone> Encoder = new(() => TinyEncoder.Build());

    private readonly Lazy<bool> _encoderWritten = new(() =>
    {
        ScratchFolder.Write(Encoder.Value.ModelFileName, Encoder.Value.Model);
        return true;
    });

    public override string Name => "spec";

    public override string Run(byte[] input)
    {
        _ = _encoderWritten.Value;
        var path = ScratchFolder.Write("spec.json", input);
        try
        {
            var spec = BackboneSpecFile.Read(path).Spec;
            return $"accepted: {spec.Name}, input {spec.Preprocessing.InputSize}, feature {spec.Feature}";
        }
        catch (MentorException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The encoder's own spec, one with every key, and one with a mean image file.</summary>
    public override void WriteSeeds(string folder)
    {
        var name = Encoder.Value.ModelFileName;
        File.WriteAllText(Path.Combine(folder, "generated.json"), Encoder.Value.Spec.ToJson());
        File.WriteAllText(Path.Combine(folder, "minimal.json"), $$"""{"file": "{{name}}"}""");
        File.WriteAllText(Path.Combine(folder, "every-key.json"), $$"""
            {
              // comments and trailing commas are allowed
              "name": "tiny", "description": "d", "source": "s", "file": "{{name}}", "input": "pixel_values",
              "input_size": [3, 64, 64], "layout": "nchw", "batch": "dynamic", "channel_order": "rgb", "pixel_range": [0, 1],
              "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "interpolation": "bicubic", "crop_pct": 0.875,
              "crop_mode": "center", "feature": "auto", "pool": "avg",
            }
            """);
    }
}
