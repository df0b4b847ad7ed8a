namespace Mentor.Training.Tests.Heads;

/// <summary>Seeded synthetic feature sets for head tests.</summary>
internal static class Synthetic
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Rows labelled by which side of a hyperplane w.x = 0 they fall, none closer than <paramref name="margin"/>.</summary>
    public static (float[][] Features, int[] Labels, double[] Normal) Separable(int rows, int dimension, int seed, double margin = 0.5)
    {
        var random = new Random(seed);
        var normal = Enumerable.Range(0, dimension).Select(_ => Gaussian(random)).ToArray();
        double length = Math.Sqrt(normal.Sum(v => v * v));
        for (int j = 0; j < dimension; j++) normal[j] /= length;
        var features = new float[rows][];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            double[] x;
            double side;
            do
            {
                x = Enumerable.Range(0, dimension).Select(_ => 2 * Gaussian(random)).ToArray();
                side = x.Zip(normal, (a, b) => a * b).Sum();
            }
            while (Math.Abs(side) < margin);
            // Shift and scale the raw features so standardisation has something to undo.
            features[i] = x.Select((v, j) => (float)(v * (1 + j) + 3)).ToArray();
            labels[i] = side > 0 ? 1 : 0;
        }
        return (features, labels, normal.Select((v, j) => v / (1 + j)).ToArray());
    }

    /// <summary>
    /// Gaussian blobs around class centres drawn from <paramref name="seed"/>; <paramref name="sizes"/> rows per
    /// class, drawn from <paramref name="sampleSeed"/> (another sample seed: fresh rows from the same classes).
    /// </summary>
    public static (float[][] Features, int[] Labels) Blobs(int[] sizes, int dimension, double spread, int seed, double noise = 1, int? sampleSeed = null)
    {
        var centreRandom = new Random(seed);
        var centres = sizes.Select(_ => Enumerable.Range(0, dimension).Select(_ => spread * Gaussian(centreRandom)).ToArray()).ToArray();
        var random = sampleSeed is { } s ? new Random(s) : centreRandom;
        var features = new List<float[]>();
        var labels = new List<int>();
        for (int c = 0; c < sizes.Length; c++)
        {
            for (int i = 0; i < sizes[c]; i++)
            {
                features.Add(centres[c].Select(m => (float)(m + noise * Gaussian(random))).ToArray());
                labels.Add(c);
            }
        }
        return (features.ToArray(), labels.ToArray());
    }

    /// <summary>Features with no relation to the (random, balanced) labels.</summary>
    public static (float[][] Features, int[] Labels) Noise(int rows, int dimension, int classes, int seed)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, dimension).Select(_ => (float)Gaussian(random)).ToArray()).ToArray();
        var labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        random.Shuffle(labels);
        return (features, labels);
    }

    /// <summary>
    /// Backbone-like features: non-negative (ReLU), a shared mean, class offsets, a low-rank nuisance
    /// (pose, background) and per-value noise; class sizes skewed like clothing-small's.
    /// </summary>
    public static (float[][] Features, int[] Labels) BackboneLike(int rows, int dimension, int seed, double noise = 2.0)
    {
        var shared = new Random(42);
        const int factors = 20;
        var mean = Enumerable.Range(0, dimension).Select(_ => Math.Abs(Gaussian(shared)) * 0.5).ToArray();
        var offsets = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, dimension).Select(_ => Gaussian(shared) * 0.35).ToArray()).ToArray();
        var loadings = Enumerable.Range(0, dimension).Select(_ => Enumerable.Range(0, factors).Select(_ => Gaussian(shared) * 0.3).ToArray()).ToArray();
        int[] sizes = [795, 600, 400, 300, 250, 200, 180, 150, 130, 112];
        double total = sizes.Sum();
        var random = new Random(seed);
        var features = new float[rows][];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            double u = random.NextDouble() * total;
            int c = 0;
            while (u > sizes[c]) u -= sizes[c++];
            var z = Enumerable.Range(0, factors).Select(_ => Gaussian(random)).ToArray();
            features[i] = new float[dimension];
            for (int j = 0; j < dimension; j++)
            {
                double v = mean[j] + offsets[c][j] + noise * Gaussian(random);
                for (int q = 0; q < factors; q++) v += loadings[j][q] * z[q];
                features[i][j] = (float)Math.Max(0, v);
            }
            labels[i] = c;
        }
        return (features, labels);
    }

    public static double Accuracy(Func<float[], int> predict, float[][] features, int[] labels) =>
        features.Select((x, i) => predict(x) == labels[i] ? 1.0 : 0.0).Average();
}
