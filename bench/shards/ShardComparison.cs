using Mentor.Sharding;

namespace Mentor.ShardTools;

/// <summary>Merges two sets of feature shards and compares them row by row (matched by relative path).</summary>
internal static class ShardComparison
{
    public static async Task<int> RunAsync(string a, string b)
    {
        var left = await FeatureShards.ReadAsync(a);
        var right = await FeatureShards.ReadAsync(b);
        var rightRows = Enumerable.Range(0, right.Count).ToDictionary(i => right.Paths[i], StringComparer.Ordinal);
        int identical = 0, differing = 0, missing = 0;
        double largest = 0;
        for (var i = 0; i < left.Count; i++)
        {
            if (!rightRows.TryGetValue(left.Paths[i], out var j) || right.Targets[j] != left.Targets[i])
            {
                missing++;
                continue;
            }
            var (x, y) = (left.Features[i], right.Features[j]);
            if (x.AsSpan().SequenceEqual(y)) identical++;
            else differing++;
            for (var d = 0; d < x.Length; d++) largest = Math.Max(largest, Math.Abs(x[d] - y[d]));
        }
        var distinct = left.Paths.Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine($"{{\"rowsA\": {left.Count}, \"rowsB\": {right.Count}, \"distinctPathsA\": {distinct}, \"shardsA\": {left.Files.Count}, \"shardsB\": {right.Files.Count}, " +
            $"\"bitIdentical\": {identical}, \"differing\": {differing}, \"unmatched\": {missing + right.Count - (identical + differing)}, \"maxAbsDifference\": {largest:R}}}");
        return left.Count == right.Count && missing == 0 && distinct == left.Count ? 0 : 1;
    }
}
