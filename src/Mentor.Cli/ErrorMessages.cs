using Mentor.Data;
using Mentor.Features;
using Mentor.Quantization;
using Mentor.Training;

namespace Mentor.Cli;

/// <summary>
/// The command line's words for the library's typed errors: the library names the problem and its data in its own
/// terms; here the fix becomes the flag that makes it. Any other error keeps the library's message.
/// </summary>
internal static class ErrorMessages
{
    public static string For(MentorException error) => error switch
    {
        UnusableFilesException e =>
            $"{e.Skipped[0].Path}: {e.Skipped[0].Reason} ({e.Skipped.Count} unusable file(s) in {e.Root}); remove them or drop --strict to skip them.",
        SplitFoldersException e =>
            $"{e.Root}: holds split folders ({string.Join(", ", e.Splits)}), not classes; pass {Path.Combine(e.Root, e.Splits[^1])} and the others with --val/--test.",
        CalibrationFolderException e => $"{e.Where}: {e.Problem}; pass a folder of your training photos with --calibration <dir>.",
        FineTuneConflictException e =>
            $"fine-tuning trains a logistic head on the fp32 backbone: drop {string.Join(" and ", FineTuneFlags(e))} (run 'mentor quantize' on the fine-tuned model instead).",
        _ => error.Message,
    };

    private static IEnumerable<string> FineTuneFlags(FineTuneConflictException e)
    {
        if (e.Int8) yield return "--int8";
        if (e.Head != Training.Heads.HeadRegistry.DefaultName) yield return $"--head {e.Head}";
    }
}
