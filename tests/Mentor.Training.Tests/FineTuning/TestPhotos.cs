using Mentor.Backbones;
using Mentor.Features;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>A fixed handful of real clothing photos from ../shared/datasets, prepared for ResNet-18.</summary>
internal static class TestPhotos
{
    private static readonly Lazy<string> Root = new(FindClothing);

    /// <summary>The first <paramref name="perClass"/> validation photos (ordinal order) of four classes.</summary>
    public static IReadOnlyList<string> Some(int perClass) =>
        new[] { "dress", "pants", "shoes", "t-shirt" }
            .SelectMany(label => Of("validation", label, perClass))
            .ToList();

    /// <summary>The first <paramref name="count"/> photos (ordinal order) of one class in one split.</summary>
    public static IReadOnlyList<string> Of(string split, string label, int count) =>
        Directory.GetFiles(Path.Combine(Root.Value, split, label)).Order(StringComparer.Ordinal).Take(count).ToList();

    /// <summary>The photos as one [N,3,224,224] input of <paramref name="spec"/>, laid out image after image.</summary>
    public static float[] Prepare(IReadOnlyList<string> paths, BackboneSpec spec)
    {
        var length = spec.Preprocessing.TensorLength;
        var batch = new float[paths.Count * length];
        for (int i = 0; i < paths.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(paths[i]), paths[i], spec.Preprocessing, batch.AsSpan(i * length, length));
        return batch;
    }

    private static string FindClothing()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "clothing-small");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/datasets/clothing-small not found above " + AppContext.BaseDirectory);
    }
}
