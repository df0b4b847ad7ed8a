namespace Mentor.Sharding;

/// <summary>Feature shards that cannot be used together or at all (missing, foreign, from another backbone, incomplete).</summary>
/// <param name="message">One line: what was wrong, where (file, node or folder), and the fix.</param>
public sealed class ShardException(string message) : MentorException(message);
