using Mentor.Models;
using Mentor.Models.Export;

namespace Mentor.Heads.Knn;

/// <summary>
/// A cosine k-nearest-neighbours head: the query is L2-normalised and compared with every stored (normalised)
/// training row; the votes follow <see cref="KnnVoting"/>, here and in the exported graph alike.
/// </summary>
public sealed class KnnHead : ClassifierHead
{
    /// <summary>The registered name of this kind.</summary>
    public const string Name = "knn";

    private const string FeaturesConstant = "mentor_knn_features_t";
    private const string LabelsConstant = "mentor_knn_labels_onehot";

    private readonly float[] _features;
    private readonly int[] _labels;
    private readonly int _classes;

    /// <summary>A k-NN head over stored training rows, as a model file holds it.</summary>
    /// <param name="normalizedFeatures">Row-major [rows x dimension], unit-length rows; copied.</param>
    /// <param name="labels">Class index per row; copied.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="k">Neighbours that vote (1..rows).</param>
    /// <param name="transform">Applied to features before normalising (the stored rows are already transformed).</param>
    public KnnHead(ReadOnlySpan<float> normalizedFeatures, ReadOnlySpan<int> labels, int classes, int k, FeatureTransform transform = FeatureTransform.None)
        : base(transform)
    {
        if (labels.Length == 0 || normalizedFeatures.Length == 0 || normalizedFeatures.Length % labels.Length != 0)
            throw new ArgumentException($"features ({normalizedFeatures.Length}) must be rows x dimension for {labels.Length} labels", nameof(normalizedFeatures));
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, labels.Length);
        foreach (var label in labels)
            if ((uint)label >= (uint)classes) throw new ArgumentException($"labels must lie in 0..{classes - 1}", nameof(labels));
        _features = normalizedFeatures.ToArray();
        _labels = labels.ToArray();
        _classes = classes;
        K = k;
    }

    /// <summary>Reads the head back from the constants <see cref="AppendHead"/> wrote.</summary>
    internal static HeadFormat Format { get; } = new(Name, Read);

    /// <inheritdoc/>
    public override string Kind => Name;

    /// <inheritdoc/>
    public override int ClassCount => _classes;

    /// <inheritdoc/>
    public override int Dimension => _features.Length / _labels.Length;

    /// <summary>Neighbours that vote.</summary>
    public int K { get; }

    /// <summary>Stored training rows.</summary>
    public int Rows => _labels.Length;

    /// <summary>The normalised training features, row-major [Rows x Dimension].</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The class index of each stored training row (0..<see cref="ClassCount"/> - 1), parallel to <see cref="Features"/>.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <inheritdoc/>
    protected override float[] Score(ReadOnlySpan<float> features) => KnnVoting.Probabilities(_features, _labels, _classes, K, features);

    internal override void AppendHead(GraphBuilder graph, string features, string probabilities)
    {
        var rows = _labels.Length;
        var transposed = new float[_features.Length];
        for (var r = 0; r < rows; r++)
        for (var d = 0; d < Dimension; d++)
            transposed[d * rows + r] = _features[r * Dimension + d];
        var oneHot = new float[rows * _classes];
        for (var r = 0; r < rows; r++) oneHot[r * _classes + _labels[r]] = 1;

        var stored = graph.Constant(FeaturesConstant, transposed, Dimension, rows);
        var labelVotes = graph.Constant(LabelsConstant, oneHot, rows, _classes);
        var query = graph.Node("LpNormalization", "knn_query", [features], GraphBuilder.Int("axis", 1), GraphBuilder.Int("p", 2));
        var similarity = graph.Node("MatMul", "knn_similarity", [query, stored]);
        // KnnVoting's rule. Opset 8 has no OneHot: the rows at or above the k-th largest similarity form a 0/1 mask, and mask x one-hot labels counts votes.
        var topValues = graph.TopK(["knn_top_values", "knn_top_indices"], similarity, K, axis: 1);
        var kth = graph.Slice("knn_kth", topValues, K - 1, K, axis: 1);
        var below = graph.Node("Less", "knn_below", [similarity, kth]);
        var chosen = graph.Node("Not", "knn_chosen", [below]);
        var mask = graph.Node("Cast", "knn_mask", [chosen], GraphBuilder.Int("to", (long)Onnx.TensorProto.Types.DataType.Float));
        var votes = graph.Node("MatMul", "knn_votes", [mask, labelVotes]);
        var total = graph.ReduceSum("knn_total", votes, axis: 1);
        graph.Node("Div", probabilities, [votes, total]);
    }

    private static KnnHead Read(HeadGraph graph)
    {
        var (transposed, dims) = graph.Floats(FeaturesConstant, rank: 2);
        var (oneHot, labelDims) = graph.Floats(LabelsConstant, rank: 2);
        if (labelDims[0] != dims[1]) throw graph.Damaged($"{labelDims[0]} label rows do not match its {dims[1]} feature rows");
        var (dimension, rows, classes) = ((int)dims[0], (int)dims[1], (int)labelDims[1]);
        var features = new float[transposed.Length];
        for (var d = 0; d < dimension; d++)
        for (var r = 0; r < rows; r++)
            features[r * dimension + d] = transposed[d * rows + r];
        var labels = Enumerable.Range(0, rows).Select(r => Array.IndexOf(oneHot, 1f, r * classes, classes) - r * classes).ToArray();
        return new KnnHead(features, labels, classes, ReadK(graph), graph.Transform);
    }

    // k is TopK's attribute up to opset 9, its second input from opset 10 (GraphBuilder.TopK).
    private static int ReadK(HeadGraph graph)
    {
        var topK = graph.Graph.Node.FirstOrDefault(n => n.OpType == "TopK")
            ?? throw new Models.ModelFileException(graph.Path, "its k-NN head has no TopK node (damaged, or not written by Mentor); train the model again.");
        if (topK.Attribute.FirstOrDefault(a => a.Name == "k") is { } attribute) return (int)Math.Clamp(attribute.I, 0, int.MaxValue);
        return topK.Input.Count > 1 ? (int)Math.Clamp(graph.Int64(topK.Input[1]), 0, int.MaxValue) : throw graph.Damaged("TopK node has no k");
    }
}
