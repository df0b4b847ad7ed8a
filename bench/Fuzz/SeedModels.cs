using Mentor.Backbones;
using Mentor.Heads;
using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads.Mlp;
using Mentor.Models;
using Mentor.TestBackbones;

namespace Mentor.Fuzz;

/// <summary>Small real model files: the tiny test encoder (32 features) with each head kind, two classes.</summary>
internal static class SeedModels
{
    private const int Dimension = TinyEncoder.Width;

    /// <summary>Writes <c>&lt;kind&gt;.onnx</c> per head kind into <paramref name="folder"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        var backboneFolder = Path.Combine(folder, ".backbone");
        var spec = BackboneSpecFile.Read(TinyEncoder.Build().WriteTo(backboneFolder)).Spec;
        var paths = new List<string>();
        foreach (var head in Heads())
        {
            var path = Path.Combine(folder, head.Kind + ".onnx");
            ClassifierFile.Write(path, spec, head, new ModelMetadata { Labels = ["cat", "dog"] });
            paths.Add(path);
        }
        Directory.Delete(backboneFolder, recursive: true);
        return paths;
    }

    private static IEnumerable<ClassifierHead> Heads()
    {
        var weights = Enumerable.Range(0, 2 * Dimension).Select(i => (i % 7 - 3) / 10f).ToArray();
        yield return new LinearHead(weights, [0.1f, -0.1f], FeatureTransform.Sqrt);
        var rows = new float[3 * Dimension];
        for (var r = 0; r < 3; r++) rows[r * Dimension + r] = 1f;
        yield return new KnnHead(rows, [0, 1, 1], classes: 2, k: 3);
        var hidden = Enumerable.Range(0, 4 * Dimension).Select(i => (i % 5 - 2) / 10f).ToArray();
        yield return new MlpHead(hidden, [0f, 0.1f, 0.2f, 0.3f], [1f, -1f, 0.5f, -0.5f, -1f, 1f, -0.5f, 0.5f], [0f, 0f]);
    }
}
