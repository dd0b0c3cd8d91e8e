using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public class RatingAlgorithmsTests
{
    [Fact]
    public void Parse_NameWithSettings_AppliesThemAndKeepsTheOtherDefaults()
    {
        var algorithm = (BayesianFactorization)RatingAlgorithms.Parse("bayesian-mf: factors=6, sweeps=50");

        Assert.Equal(6, algorithm.Options.Factors);
        Assert.Equal(50, algorithm.Options.Sweeps);
        Assert.Equal(new BayesianFactorizationOptions().BurnIn, algorithm.Options.BurnIn);
        Assert.Equal("6", algorithm.Parameters["factors"]);
    }

    [Fact]
    public void Parse_BlendWithComponentSettings_RoutesThemByPrefix()
    {
        var blend = (RatingBlend)RatingAlgorithms.Parse("blend:knn_weight=0.5,mf.factors=3,knn.k=7");

        Assert.Equal(0.5, blend.Options.NeighborWeight);
        Assert.Equal(3, blend.Options.Factorization.Factors);
        Assert.Equal(7, blend.Options.Neighbors.Neighbors);
        Assert.Equal("7", blend.Parameters["knn.k"]);
    }

    [Theory]
    [InlineData("bayesian-mf:factorz=3", "factorz")]
    [InlineData("baseline:reg_user=-1", "reg_user")]
    [InlineData("knn-baseline:k=many", "k")]
    [InlineData("blend:mf.sweeps=0", "sweeps")]
    public void Parse_BadSetting_ThrowsNamingIt(string specification, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => RatingAlgorithms.Parse(specification));

        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void Create_UnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => RatingAlgorithms.Create("svd-magic"));

        Assert.Contains("bayesian-mf", error.Message);
        Assert.Contains(RatingAlgorithms.DefaultName, RatingAlgorithms.Names);
    }

    [Fact]
    public void Load_DirectoryWithoutAModel_ThrowsFileNotFound()
    {
        using var dir = new TempDirectory();

        Assert.Throws<FileNotFoundException>(() => RatingAlgorithms.Load(dir.Path));
    }

    [Fact]
    public async Task Load_TruncatedArray_ThrowsInvalidData()
    {
        using var dir = new TempDirectory();
        await new BaselineOnly().Fit(RatingTestData.Table((1, 10, 4), (2, 20, 3))).SaveAsync(dir.Path);
        File.WriteAllBytes(Path.Combine(dir.Path, "item_bias.f32"), [1, 2, 3]);

        Assert.Throws<InvalidDataException>(() => RatingAlgorithms.Load(dir.Path));
    }
}
