using System.Text.Json.Nodes;
using Mentor.Backbones;
using Mentor.Tests.Support;
using Mentor.TestBackbones;

namespace Mentor.Tests.Backbones;

public sealed class SpecFileTests
{
    [Theory]
    [InlineData("colour_space", "\"RGB\"", "'colour_space': unknown key")]
    [InlineData("layout", "\"NCWH\"", "'layout': 'NCWH' is not one of")]
    [InlineData("std", "[0.2, 0, 0.2]", "'std': values must be above 0")]
    [InlineData("input_size", "[3, 224, 200]", "'input_size': [3,224,200] must be [3,H,W] with H = W")]
    [InlineData("pixel_range", "[1, 0]", "'pixel_range': [1,0] must rise")]
    [InlineData("interpolation", "\"lanczos\"", "'interpolation': 'lanczos' is not supported")]
    [InlineData("pool", "\"max\"", "'pool': 'max' is not one of")]
    public void A_bad_key_is_one_line_naming_the_key_and_the_file(string key, string value, string expected)
    {
        // Given a valid spec file with one key set to something impossible
        using var temp = new TempDirectory();
        var specPath = TorchvisionResNet18.Build().WriteTo(temp.Path);
        var json = JsonNode.Parse(File.ReadAllText(specPath))!.AsObject();
        json[key] = JsonNode.Parse(value);
        File.WriteAllText(specPath, json.ToJsonString());

        // When it is resolved as a backbone
        var error = Assert.ThrowsAny<MentorException>(() => BackboneResolver.Resolve(specPath));

        // Then one line names the file, the key and the problem
        Assert.StartsWith(specPath + ": ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void A_changed_weights_file_is_refused_by_its_recorded_sha256()
    {
        using var temp = new TempDirectory();
        var specPath = TorchvisionResNet18.Build().WriteTo(temp.Path);
        var json = JsonNode.Parse(File.ReadAllText(specPath))!.AsObject();
        json["sha256"] = new string('0', 64);
        File.WriteAllText(specPath, json.ToJsonString());

        var error = Assert.Throws<BackboneSpecException>(() => BackboneResolver.Resolve(specPath));

        Assert.Equal("sha256", error.Key);
    }

    [Fact]
    public void An_unknown_backbone_string_lists_the_built_ins_and_the_file_forms()
    {
        var error = Assert.Throws<MentorException>(() => BackboneResolver.Resolve("vgg99"));

        Assert.Contains("unknown backbone 'vgg99'; available: resnet18, or the path of a spec .json or an .onnx file", error.Message);
    }

    [Fact]
    public void The_built_in_is_expressible_as_a_spec_file_and_reads_back_the_same()
    {
        using var temp = new TempDirectory();
        var builtIn = BackboneRegistry.Get("resnet18");
        var path = temp.Combine("resnet18.json");

        BackboneSpecFile.Write(builtIn, path);
        var read = BackboneResolver.Resolve(path).Spec;

        Assert.Equal(builtIn.ContentHash, read.ContentHash);
        Assert.Equal(builtIn.Identity, read.Identity);
        Assert.Equal(builtIn.Preprocessing.Id, read.Preprocessing.Id);
    }

    [Fact]
    public void A_bare_torchvision_export_is_detected_with_its_pre_logits_and_the_assumption_said()
    {
        using var temp = new TempDirectory();
        TorchvisionResNet18.Build().WriteTo(temp.Path);

        var resolved = BackboneResolver.Resolve(temp.Combine(TorchvisionResNet18.Name + ".onnx"));

        Assert.Equal(TorchvisionResNet18.PreLogitsName, resolved.Spec.Feature);
        Assert.Equal(TorchvisionResNet18.InputName, resolved.Spec.InputName);
        Assert.Equal(TensorLayout.Nchw, resolved.Spec.Preprocessing.Layout);
        Assert.Equal(ImageNetStatistics.Std, resolved.Spec.Preprocessing.Std);
        Assert.Contains(resolved.Assumptions, a => a.Contains("ImageNet mean/std", StringComparison.Ordinal));
        Assert.Contains(resolved.Findings, f => f.Contains("final classifier (Gemm after Flatten)", StringComparison.Ordinal));
    }
}
