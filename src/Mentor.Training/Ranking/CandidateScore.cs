using System.Text.Json.Serialization;

namespace Mentor.Training.Ranking;

/// <summary>One candidate backbone's scores on a dataset, and what they cost.</summary>
/// <param name="Backbone">The candidate's name.</param>
/// <param name="Identity">The backbone's identity (name and weights hash), as in the feature cache.</param>
/// <param name="Dimensions">Length of its feature vector.</param>
/// <param name="KnnAccuracy">Leave-one-out accuracy of cosine k-NN on the training photos.</param>
/// <param name="KnnK">The neighbour count that accuracy was reached with.</param>
/// <param name="LogMe">LogME evidence per photo (higher is better).</param>
/// <param name="Seconds">Features (from the cache when there), k-NN and LogME together.</param>
/// <param name="FeatureSeconds">Loading the backbone and featurising (or reading the cache).</param>
/// <param name="KnnSeconds">The k-NN score.</param>
/// <param name="LogMeSeconds">The LogME score.</param>
/// <param name="CacheHits">Training photos whose features came from the cache.</param>
/// <param name="LinearAccuracy">Validation accuracy of the logistic head trained on it; verified runs only.</param>
/// <param name="VerifySeconds">Training and measuring that head; verified runs only.</param>
public sealed record CandidateScore(
    string Backbone,
    string Identity,
    int Dimensions,
    double KnnAccuracy,
    int KnnK,
    double LogMe,
    double Seconds,
    double FeatureSeconds,
    double KnnSeconds,
    double LogMeSeconds,
    int CacheHits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LinearAccuracy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? VerifySeconds = null);
