namespace Mentor.Imaging;

/// <summary>How an image of any shape becomes the backbone's square input.</summary>
public enum ResizeMode
{
    /// <summary>Scale the short side to <c>size / CropFraction</c> keeping the aspect ratio, then take the centre square.</summary>
    ShortSideCenterCrop,

    /// <summary>Scale both sides to the input size, distorting the aspect ratio; nothing is cut off.</summary>
    Stretch,
}
