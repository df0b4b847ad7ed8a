namespace Mentor.Training.Heads;

/// <summary>
/// Validated training rows, held as given (not copied: at a million rows a copy is gigabytes). Built by
/// <see cref="Create"/>, which turns every user mistake into a <see cref="TrainingDataException"/> that names the fix.
/// </summary>
internal sealed class TrainingSet
{
    TrainingSet(float[][] features, int[] labels, int rows, int dimension, int classCount, int[] classCounts)
    {
        Features = features;
        Labels = labels;
        Rows = rows;
        Dimension = dimension;
        ClassCount = classCount;
        ClassCounts = classCounts;
    }

    /// <summary>The rows as given, each of <see cref="Dimension"/> values; read, never written.</summary>
    public float[][] Features { get; }
    public int[] Labels { get; }
    public int Rows { get; }
    public int Dimension { get; }
    public int ClassCount { get; }
    /// <summary>Rows per class.</summary>
    public int[] ClassCounts { get; }

    /// <summary>Checks the rows (kept by reference). <paramref name="what"/> names the data in messages ("training", "validation").</summary>
    public static TrainingSet Create(float[][] features, int[] labels, int classCount, string what = "training", int? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length != labels.Length)
        {
            throw new TrainingDataException(
                $"The {what} data has {features.Length} feature rows but {labels.Length} labels; pass exactly one label per row.");
        }
        if (features.Length == 0) throw new TrainingDataException($"The {what} data is empty; pass at least one row per class.");
        if (classCount < 2)
        {
            throw new TrainingDataException(
                $"A classifier needs at least 2 classes, but classCount is {classCount}; add images of at least one more class.");
        }
        int width = dimension ?? features[0]?.Length ?? 0;
        if (width == 0) throw new TrainingDataException($"Row 0 of the {what} features is empty; every row needs the backbone's feature vector.");
        var counts = new int[classCount];
        for (int i = 0; i < features.Length; i++)
        {
            float[]? row = features[i];
            if (row is null || row.Length != width)
            {
                throw new TrainingDataException(
                    $"Row {i} of the {what} features has {row?.Length ?? 0} values where {width} were expected; all rows must come from the same backbone.");
            }
            for (int j = 0; j < width; j++)
            {
                if (!float.IsFinite(row[j]))
                {
                    throw new TrainingDataException(
                        $"Row {i} of the {what} features has a non-finite value ({row[j]}) at position {j}; re-extract the features of that image.");
                }
            }
            int label = labels[i];
            if ((uint)label >= (uint)classCount)
            {
                throw new TrainingDataException(
                    $"Label {label} of {what} row {i} is outside 0..{classCount - 1}; labels must index the {classCount} classes.");
            }
            counts[label]++;
        }
        return new TrainingSet(features, (int[])labels.Clone(), features.Length, width, classCount, counts);
    }

    /// <summary>A row-major [Rows x Dimension] copy of the rows, for trainers that change them.</summary>
    public float[] Flatten()
    {
        var flat = new float[Rows * Dimension];
        for (int i = 0; i < Rows; i++) Features[i].CopyTo(flat, i * Dimension);
        return flat;
    }

    /// <summary>Throws unless at least two classes have rows (a classifier cannot be learnt from one).</summary>
    public void RequireTwoClasses()
    {
        int present = ClassCounts.Count(c => c > 0);
        if (present < 2)
        {
            int only = Array.FindIndex(ClassCounts, c => c > 0);
            throw new TrainingDataException(
                $"The training data has rows of only one class (class {only}); a classifier needs at least 2 classes with examples. Add images of another class.");
        }
    }

    /// <summary>Weights per row: 1, or scikit-learn's "balanced" rows / (classes present x rows of the class).</summary>
    public float[] SampleWeights(bool balance)
    {
        var weights = new float[Rows];
        int present = ClassCounts.Count(c => c > 0);
        for (int i = 0; i < Rows; i++)
        {
            weights[i] = balance ? (float)Rows / (present * ClassCounts[Labels[i]]) : 1f;
        }
        return weights;
    }
}
