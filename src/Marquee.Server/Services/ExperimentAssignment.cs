using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Marquee.Storage;

namespace Marquee.Server.Services;

/// <summary>
/// Which arm of an experiment a session is in: a stable hash of the experiment's name and the user id, the same on
/// every instance and after every restart, so a session never flips between models. Salting with the name gives each
/// experiment a fresh split instead of sending the same sessions to every candidate.
/// </summary>
public static class ExperimentAssignment
{
    public const string Control = "control";
    public const string Candidate = "candidate";

    public static string ArmOf(Experiment experiment, string userId) =>
        UnitInterval(experiment.Name, userId) < experiment.CandidateShare ? Candidate : Control;

    /// <summary>The first 64 bits of SHA-256(name:user) as a number in [0, 1).</summary>
    public static double UnitInterval(string experimentName, string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(experimentName + ":" + userId), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}

/// <summary>The model a request is served by, and the experiment arm that chose it (null outside an experiment).</summary>
public sealed record ServedModel(ServingState State, string? Experiment, string? Arm)
{
    public string ModelVersion => State.Snapshot.ModelVersion;
}

/// <summary>A running experiment with both arms loaded.</summary>
public sealed record ExperimentServing(Experiment Experiment, ServingState Control, ServingState Candidate);
