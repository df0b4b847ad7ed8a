namespace Mentor.Fuzz;

/// <summary>
/// One fuzz target: a parser of untrusted bytes, fed exactly as the product feeds it. <see cref="Run"/> returns what
/// happened when the bytes were accepted or refused with the parser's documented typed exception; anything else it
/// throws is a bug (afl-fuzz records it as a crash, the replay test fails).
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name given to <c>bench/fuzz.sh</c> and the regression corpus folder.</summary>
    public abstract string Name { get; }

    /// <summary>Feeds <paramref name="input"/> to the parser: "accepted: ..." or "refused: &lt;the typed exception's message&gt;"
    /// (several parts, one per parser or head kind, joined by " | ").</summary>
    public abstract string Run(byte[] input);

    /// <summary>Writes small valid inputs (afl-fuzz's starting corpus) into <paramref name="folder"/>.</summary>
    public abstract void WriteSeeds(string folder);

    /// <summary>The refusal line for a typed exception: its one-line message.</summary>
    protected static string Refused(Exception e) => "refused: " + e.Message;
}
