namespace Mentor.Training;

/// <summary>The kinds of head Mentor trains on frozen backbone features.</summary>
public enum HeadKind
{
    /// <summary>Multinomial logistic regression, L2 chosen by cross-validation: the default.</summary>
    Logistic,

    /// <summary>Cosine k-nearest-neighbours: for one to a few examples per class.</summary>
    Knn,
}
