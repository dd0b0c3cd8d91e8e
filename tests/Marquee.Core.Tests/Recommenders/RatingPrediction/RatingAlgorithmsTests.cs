using Marquee.Core.Recommenders.RatingPrediction;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

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
    public async Task Load_FolderWithoutTheArrays_IsRefusedNamingTheMissingOne()
    {
        using var dir = new TempDirectory();
        var (_, directory, manifest) = await RatingTestData.SaveAndLoadAsync(new BaselineOnly().Fit(RatingTestData.Table((1, 10, 4), (2, 20, 3))), dir.Path);
        File.Delete(Path.Combine(directory, "item_bias.npy"));

        var error = await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadRatingAsync(directory, manifest));

        Assert.Contains("item_bias.npy", error.Message);
    }

    [Fact]
    public async Task Load_TruncatedArray_IsRefused()
    {
        using var dir = new TempDirectory();
        var (_, directory, manifest) = await RatingTestData.SaveAndLoadAsync(new BaselineOnly().Fit(RatingTestData.Table((1, 10, 4), (2, 20, 3))), dir.Path);
        var biases = Path.Combine(directory, "item_bias.npy");
        await File.WriteAllBytesAsync(biases, (await File.ReadAllBytesAsync(biases))[..^3]);

        var checksummed = await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadRatingAsync(directory, manifest));
        // Without checksums the .npy header still catches it.
        var shapes = await Assert.ThrowsAsync<InvalidModelException>(() =>
            ModelStore.LoadRatingAsync(directory, manifest with { FilesSha256 = new Dictionary<string, string>() }));

        Assert.Contains("SHA-256", checksummed.Message);
        Assert.Contains("item_bias.npy", shapes.Message);
    }

    [Fact]
    public async Task Load_TopNManifest_IsRefusedAsARatingModel()
    {
        using var dir = new TempDirectory();
        var (_, directory, manifest) = await RatingTestData.SaveAndLoadAsync(new BaselineOnly().Fit(RatingTestData.Table((1, 10, 4), (2, 20, 3))), dir.Path);

        await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadTopNAsync(directory, manifest));
        await Assert.ThrowsAsync<InvalidModelException>(() => ModelStore.LoadRatingAsync(directory, manifest with { Kind = ModelKind.TopN }));
    }
}
