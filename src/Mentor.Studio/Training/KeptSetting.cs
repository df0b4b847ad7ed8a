using Mentor.Studio.Projects;

namespace Mentor.Studio.Training;

/// <summary>
/// Whether a run may fit the head with the last run's setting (its C) instead of searching again: the search is most
/// of a retraining's time, and a few photos added, removed or relabelled do not move the best setting.
/// </summary>
internal static class KeptSetting
{
    /// <summary>How far the photo count may drift from the run that searched before the next run searches again.</summary>
    public const double MaxDrift = 0.1;

    /// <summary>
    /// The last run's setting when the classes are the same and the photo count is within <see cref="MaxDrift"/> of the
    /// count its setting was searched on; otherwise null (search).
    /// </summary>
    public static string? For(TrainingReport? last, IReadOnlyList<ClassInfo> classes)
    {
        if (last is null || last.SearchedOnPhotos <= 0) return null;
        var withPhotos = classes.Where(c => c.Photos > 0).Select(c => c.Name).Order(StringComparer.Ordinal);
        if (!withPhotos.SequenceEqual(last.Labels.Order(StringComparer.Ordinal), StringComparer.Ordinal)) return null;
        var photos = classes.Sum(c => c.Photos);
        return Math.Abs(photos - last.SearchedOnPhotos) <= MaxDrift * last.SearchedOnPhotos ? last.Chosen : null;
    }
}
