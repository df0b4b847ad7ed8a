using Mentor.Models.Export;

namespace Mentor.Models;

/// <summary>
/// A cosine k-nearest-neighbours head: the query is L2-normalised and compared with every stored (normalised)
/// training row; the k most similar vote and each class's probability is its share of the votes.
/// </summary>
public sealed class KnnHead : ClassifierHead
{
    private readonly float[] _features;
    private readonly int[] _labels;
    private readonly int _classes;

    /// <param name="normalizedFeatures">Row-major [rows x dimension], unit-length rows; copied.</param>
    /// <param name="labels">Class index per row; copied.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="k">Neighbours that vote (1..rows).</param>
    /// <param name="transform">Applied to features before normalising (the stored rows are already transformed).</param>
    public KnnHead(ReadOnlySpan<float> normalizedFeatures, ReadOnlySpan<int> labels, int classes, int k, FeatureTransform transform = FeatureTransform.None)
        : base(transform)
    {
        if (labels.Length == 0 || normalizedFeatures.Length % labels.Length != 0)
            throw new ArgumentException($"features ({normalizedFeatures.Length}) must be rows x dimension for {labels.Length} labels", nameof(normalizedFeatures));
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, labels.Length);
        _features = normalizedFeatures.ToArray();
        _labels = labels.ToArray();
        _classes = classes;
        K = k;
    }

    public override string Kind => "knn";

    public override int ClassCount => _classes;

    public override int Dimension => _features.Length / _labels.Length;

    /// <summary>Neighbours that vote.</summary>
    public int K { get; }

    protected override float[] Score(ReadOnlySpan<float> features)
    {
        var norm = 0.0;
        foreach (var v in features) norm += v * v;
        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
        var rows = _labels.Length;
        var similarity = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = _features.AsSpan(r * Dimension, Dimension);
            double dot = 0;
            for (var j = 0; j < row.Length; j++) dot += row[j] * features[j];
            similarity[r] = (float)(dot * scale);
        }
        // Like the ONNX graph: every row at least as similar as the k-th most similar votes.
        var kth = similarity.OrderDescending().ElementAt(K - 1);
        var votes = new float[_classes];
        for (var r = 0; r < rows; r++) if (similarity[r] >= kth) votes[_labels[r]]++;
        var total = votes.Sum();
        return votes.Select(v => v / total).ToArray();
    }

    internal override void AppendHead(GraphBuilder graph, string features, string probabilities)
    {
        var rows = _labels.Length;
        var transposed = new float[_features.Length];
        for (var r = 0; r < rows; r++)
        for (var d = 0; d < Dimension; d++)
            transposed[d * rows + r] = _features[r * Dimension + d];
        var oneHot = new float[rows * _classes];
        for (var r = 0; r < rows; r++) oneHot[r * _classes + _labels[r]] = 1;

        var stored = graph.Constant("mentor_knn_features_t", transposed, Dimension, rows);
        var labelVotes = graph.Constant("mentor_knn_labels_onehot", oneHot, rows, _classes);
        var query = graph.Node("LpNormalization", "knn_query", [features], GraphBuilder.Int("axis", 1), GraphBuilder.Int("p", 2));
        var similarity = graph.Node("MatMul", "knn_similarity", [query, stored]);
        // Opset 8 has no OneHot: the rows at or above the k-th largest similarity form a 0/1 mask, and mask x one-hot labels counts votes.
        var topValues = graph.TopK(["knn_top_values", "knn_top_indices"], similarity, K, axis: 1);
        var kth = graph.Slice("knn_kth", topValues, K - 1, K, axis: 1);
        var below = graph.Node("Less", "knn_below", [similarity, kth]);
        var chosen = graph.Node("Not", "knn_chosen", [below]);
        var mask = graph.Node("Cast", "knn_mask", [chosen], GraphBuilder.Int("to", (long)Onnx.TensorProto.Types.DataType.Float));
        var votes = graph.Node("MatMul", "knn_votes", [mask, labelVotes]);
        var total = graph.ReduceSum("knn_total", votes, axis: 1);
        graph.Node("Div", probabilities, [votes, total]);
    }
}
