using Mentor.Backbones;
using Mentor.Models;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;

namespace Mentor.Studio.Tests.Http;

/// <summary>The int8 download: quantised on the first request after a training, kept until the next, and it answers as the fp32 model does.</summary>
public sealed class Int8ExportTests
{
    private static readonly string[] Classes = ["dress", "hat", "shoes"];

    [Fact]
    public async Task The_int8_model_is_made_once_per_training_is_a_quarter_of_the_size_and_agrees_with_the_fp32_model()
    {
        await using var studio = await StudioHost.StartAsync();
        await studio.FillAsync(Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 10)));
        Assert.Equal(404, (int)(await studio.Client.GetAsync("/api/export/model?precision=int8")).StatusCode); // no model yet
        Assert.Equal("done", (await studio.TrainAsync()).GetProperty("state").GetString());

        var folder = Path.GetDirectoryName(studio.Root)!;
        var fp32Path = Path.Combine(folder, "fp32.onnx");
        var int8Path = Path.Combine(folder, "int8.onnx");
        await File.WriteAllBytesAsync(fp32Path, await studio.Client.GetByteArrayAsync("/api/export/model?precision=fp32"));
        using (var response = await studio.Client.GetAsync("/api/export/model?precision=int8"))
        {
            response.EnsureSuccessStatusCode();
            Assert.Equal("project-int8.onnx", response.Content.Headers.ContentDisposition?.FileName);
            await File.WriteAllBytesAsync(int8Path, await response.Content.ReadAsByteArrayAsync());
        }
        Assert.InRange(new FileInfo(int8Path).Length, 1, new FileInfo(fp32Path).Length / 3);
        Assert.Equal(await File.ReadAllBytesAsync(int8Path), await studio.Client.GetByteArrayAsync("/api/export/model?precision=int8")); // kept, not remade
        Assert.Single(Directory.GetFiles(Path.Combine(studio.Root, ".mentor-studio", "int8")));

        using var fp32 = ImageClassifier.Load(fp32Path);
        using var int8 = ImageClassifier.Load(int8Path);
        Assert.True(BackboneIdentity.IsInt8(int8.Metadata.BackboneIdentity));
        Assert.Equal(fp32.Labels, int8.Labels);
        var photos = Classes.SelectMany(c => SharedData.Clothing("test", c, 4)).ToList();
        var agree = photos.Count(p => fp32.Predict(p, top: 1)[0].Label == int8.Predict(p, top: 1)[0].Label);
        Assert.True(agree >= photos.Count - 1, $"int8 and fp32 agree on {agree} of {photos.Count} test photos");

        Assert.Equal(400, (int)(await studio.Client.GetAsync("/api/export/model?precision=int4")).StatusCode);
    }
}
