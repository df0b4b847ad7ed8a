using Mentor.Imaging;

namespace Mentor.Tests.Imaging;

public sealed class ResizeRuleTests
{
    [Theory]
    [InlineData("crop", ResizeMode.ShortSideCenterCrop, 1.0, ResizeFilter.Bilinear, "crop1")]
    [InlineData("crop0.875", ResizeMode.ShortSideCenterCrop, 0.875, ResizeFilter.Bilinear, "crop0.875")]
    [InlineData("stretch-smooth", ResizeMode.Stretch, 1.0, ResizeFilter.Smooth, "stretch-smooth")]
    public void Rules_parse_and_name_themselves(string text, ResizeMode mode, double fraction, ResizeFilter filter, string id)
    {
        var rule = ResizeRule.Parse(text);

        Assert.Equal(new ResizeRule(mode, fraction, filter), rule);
        Assert.Equal(id, rule.Id);
        Assert.Equal(rule, ResizeRule.Parse(rule.Id));
    }

    [Fact]
    public void An_unknown_rule_names_the_choices() =>
        Assert.Contains("crop, crop0.875 or stretch", Assert.Throws<ArgumentException>(() => ResizeRule.Parse("zoom")).Message);

    [Fact]
    public void Crops_scale_the_short_side_and_keep_the_aspect_ratio()
    {
        Assert.Equal((224, 299), ResizeRule.CenterCrop.ScaledSize(400, 534, 224));
        Assert.Equal((256, 342), ResizeRule.CenterCrop875.ScaledSize(400, 534, 224));
        Assert.Equal((224, 224), ResizeRule.StretchToFit.ScaledSize(400, 534, 224));
    }
}
