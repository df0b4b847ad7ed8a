namespace Mentor.Models;

/// <summary>A label and its probability.</summary>
/// <param name="Label">The class name.</param>
/// <param name="Probability">The model's probability for it, 0..1 (a model's probabilities for one image sum to 1).</param>
public sealed record LabelScore(string Label, float Probability)
{
    /// <summary>The <paramref name="top"/> highest probabilities, best first (ties: lower label index first).</summary>
    public static IReadOnlyList<LabelScore> Top(ReadOnlySpan<float> probabilities, IReadOnlyList<string> labels, int top)
    {
        var order = Enumerable.Range(0, probabilities.Length).ToArray();
        var values = probabilities.ToArray();
        return order.OrderByDescending(i => values[i]).ThenBy(i => i).Take(Math.Max(1, top)).Select(i => new LabelScore(labels[i], values[i])).ToList();
    }
}
