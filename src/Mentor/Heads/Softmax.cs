namespace Mentor.Heads;

/// <summary>The softmax of a vector of logits, computed stably (the largest logit subtracted first).</summary>
internal static class Softmax
{
    public static float[] Of(double[] logits)
    {
        var max = logits.Max();
        var total = 0.0;
        var exp = new double[logits.Length];
        for (var k = 0; k < logits.Length; k++) total += exp[k] = Math.Exp(logits[k] - max);
        return [.. exp.Select(e => (float)(e / total))];
    }
}
