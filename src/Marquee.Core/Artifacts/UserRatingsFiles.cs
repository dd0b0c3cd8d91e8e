using Marquee.Core.Interactions;

namespace Marquee.Core.Artifacts;

/// <summary>Reads <see cref="UserRatings"/> from <c>interactions.parquet</c>, as <c>UserRatings.LoadAsync(path)</c>.</summary>
public static class UserRatingsFiles
{
    extension(UserRatings)
    {
        /// <summary>Reads the user, movie and rating columns of <c>interactions.parquet</c> (not the timestamps: serving needs none).</summary>
        public static async Task<UserRatings> LoadAsync(string interactionsParquet, CancellationToken cancellationToken = default)
        {
            var (users, movies, ratings) = await ParquetTables.ReadRatingColumnsAsync(interactionsParquet, cancellationToken);
            return new UserRatings(users, movies, ratings);
        }
    }
}
