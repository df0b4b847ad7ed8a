namespace Mentor.Backbones;

/// <summary>The order of colour planes a backbone expects.</summary>
public enum ChannelOrder
{
    Rgb,
    Bgr,
}
