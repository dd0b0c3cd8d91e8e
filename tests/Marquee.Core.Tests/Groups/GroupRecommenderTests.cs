using Marquee.Core.Groups;
using Marquee.Core.Ranking;
using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Ranking;

namespace Marquee.Core.Tests.Groups;

public class GroupRecommenderTests
{
    /// <summary>Scores films by the liked films of a history: each liked film lifts its listed neighbours.</summary>
    private sealed class NeighbourPersonalizer(Dictionary<int, int[]> neighbours) : IPersonalizer
    {
        public string Algorithm => "neighbours";

        public bool TryScore(IReadOnlyList<(int MovieId, float Weight)> history, Func<int, int> slotOf, Span<float> scores)
        {
            var liked = history.Where(h => h.Weight > 0).Select(h => h.MovieId).ToList();
            if (liked.Count == 0)
            {
                return false;
            }
            foreach (var movieId in TestCatalog.Entries.Select(e => e.Id))
            {
                scores[slotOf(movieId)] = 0;
            }
            foreach (var movieId in liked)
            {
                foreach (var neighbour in neighbours.GetValueOrDefault(movieId) ?? [])
                {
                    scores[slotOf(neighbour)] += 1;
                }
            }
            return true;
        }

        public IReadOnlyList<(int MovieId, float Contribution)> Explain(IReadOnlyList<(int MovieId, float Weight)> history, int movieId, int max = 2) => [];

        public IReadOnlyList<(int MovieId, float Similarity)> Similar(int movieId, int count) => [];
    }

    /// <summary>Whoever rated Alien (8) is predicted to hate the romantic comedies (10, 11).</summary>
    private sealed class HorrorFanHatesRomance : IRatingPredictor
    {
        public void Predict(IReadOnlyList<(int MovieId, float Rating)> ratedHistory, ReadOnlySpan<int> movieIds, Span<float> predictions)
        {
            var horrorFan = ratedHistory.Any(r => r.MovieId == 8);
            for (var i = 0; i < movieIds.Length; i++)
            {
                predictions[i] = horrorFan && movieIds[i] is 10 or 11 ? 1f : 4f;
            }
        }
    }

    private static readonly NeighbourPersonalizer Neighbours = new(new()
    {
        [13] = [10, 11, 15],   // a comedy fan: romantic comedies, Fargo
        [8] = [9, 16, 12],     // a horror fan: The Shining, Saw, Jurassic Park
    });

    private static GroupMember Member(params int[] liked) =>
        new([.. liked.Select(id => (id, 4.5f))], [.. liked.Select(id => (id, 4.5f))]);

    [Fact]
    public void Recommend_EachMembersFavourites_ReachTheDeck()
    {
        var snapshot = TestCatalog.Snapshot(Neighbours);

        var deck = GroupRecommender.Recommend(snapshot, new GroupRecommendationRequest { K = 6, Members = [Member(13), Member(8)] });

        var ids = deck.Items.Select(i => i.Movie.MovieId).ToList();
        Assert.Equal("most-pleasure", deck.Strategy);
        Assert.Equal(2, deck.MembersWithTaste);
        Assert.Contains(ids, id => id is 10 or 11 or 15);
        Assert.Contains(ids, id => id is 9 or 16 or 12);
        Assert.DoesNotContain(13, ids);
        Assert.DoesNotContain(8, ids);
    }

    [Fact]
    public void Recommend_AFilmTheRatingModelSaysSomeoneHates_IsNotDealtWhileOthersRemain()
    {
        var snapshot = TestCatalog.Snapshot(Neighbours, new HorrorFanHatesRomance());

        var deck = GroupRecommender.Recommend(snapshot, new GroupRecommendationRequest { K = 8, Members = [Member(13), Member(8)] });

        var ids = deck.Items.Select(i => i.Movie.MovieId).ToList();
        Assert.Equal(8, ids.Count);
        Assert.DoesNotContain(10, ids);
        Assert.DoesNotContain(11, ids);
    }

    [Fact]
    public void Recommend_LeavesOutTheRoomsExclusions_AndWorksWithoutAnyTaste()
    {
        var snapshot = TestCatalog.Snapshot();

        var deck = GroupRecommender.Recommend(snapshot, new GroupRecommendationRequest
        {
            K = 5,
            Members = [new GroupMember([], []), new GroupMember([], [])],
            Filters = new RecommendationFilters { ExcludeMovieIds = new HashSet<int> { 4, 7, 14 } },
        });

        Assert.Equal(5, deck.Items.Count);
        Assert.Equal(0, deck.MembersWithTaste);
        Assert.DoesNotContain(deck.Items, i => i.Movie.MovieId is 4 or 7 or 14);
    }
}
