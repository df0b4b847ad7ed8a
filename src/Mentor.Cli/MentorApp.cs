using System.CommandLine;
using Mentor.Cli.Commands;

namespace Mentor.Cli;

/// <summary>The <c>mentor</c> command tree and its exit codes.</summary>
public static class MentorApp
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>Bad input the user can fix (message printed as one line).</summary>
    public const int UserError = 1;
    /// <summary>Bad command-line syntax or flags.</summary>
    public const int UsageError = 2;
    /// <summary>A failure Mentor did not expect (a bug): reported as one line, details with MENTOR_DEBUG=1.</summary>
    public const int InternalError = 70;
    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var context = new CommandContext(stdout, stderr);
        return new RootCommand("mentor: transfer learning for .NET. Pre-trained backbones, cached features, heads trained in seconds.")
        {
            TrainCommand.Create(context),
            ExtractCommand.Create(context),
            EvaluateCommand.Create(context),
            PredictCommand.Create(context),
            BenchCommand.Create(context),
            QuantizeCommand.Create(context),
            ServeCommand.Create(context),
            StudioCommand.Create(context),
            CompareCommand.Create(context),
            CacheCommand.Create(context),
            BackbonesCommand.Create(context),
            RankCommand.Create(context),
        };
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"mentor: {error.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("Run 'mentor --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("mentor: cancelled; finished work is kept in the cache.").ConfigureAwait(false);
            return Cancelled;
        }
        catch (DiskFullException e)
        {
            await stderr.WriteLineAsync($"mentor: {e.Message} ('mentor cache prune --max-size SIZE' trims the feature cache.)").ConfigureAwait(false);
            return UserError;
        }
        catch (MentorException e)
        {
            await stderr.WriteLineAsync($"mentor: {ErrorMessages.For(e)}").ConfigureAwait(false);
            return UserError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"mentor: {e.Message}; check the path, its permissions and the free disk space.").ConfigureAwait(false);
            return UserError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MENTOR_DEBUG") != "1")
        {
            await stderr.WriteLineAsync($"mentor: unexpected error ({e.GetType().Name}: {e.Message.Split('\n')[0]}); rerun with MENTOR_DEBUG=1 for details and report it.").ConfigureAwait(false);
            return InternalError;
        }
    }
}
