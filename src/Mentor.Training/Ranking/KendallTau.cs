namespace Mentor.Training.Ranking;

/// <summary>Kendall's rank correlation between two scorings of the same items.</summary>
public static class KendallTau
{
    /// <summary>
    /// Tau-b: (concordant - discordant) pairs over sqrt((pairs - pairs tied in x) (pairs - pairs tied in y)), so ties
    /// count against neither; 1 for the same order, -1 for the reverse, NaN when either side is all ties.
    /// </summary>
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values and y {y.Count}; pass one pair per item.", nameof(y));
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0) tiedX++;
                if (dy == 0) tiedY++;
                if (dx * dy > 0) concordant++;
                else if (dx * dy < 0) discordant++;
            }
        }
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
