namespace Mentor.Sharding;

/// <summary>Feature shards that cannot be used together or at all (missing, foreign, from another backbone, incomplete).</summary>
public sealed class ShardException(string message) : MentorException(message);
