using Microsoft.EntityFrameworkCore;

namespace Sked.Workflows.Infrastructure.Search;

/// <summary>A group of the synonym table: words folded to one term, the term first (Domain's SynonymTable).</summary>
public sealed class SynonymGroup
{
    /// <summary>The most words in a group and the longest word, so a group stays a list of words, not a text.</summary>
    public const int WordsMax = 30;
    public const int WordMax = 60;

    public long Id { get; init; }
    public List<string> Words { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
}

/// <summary>The one row whose <see cref="Version"/> moves with every change to the synonym table; nodes poll it.</summary>
public sealed class SynonymVersion
{
    public const int SingleId = 1;

    public int Id { get; init; } = SingleId;
    public int Version { get; set; }
}

/// <summary>How the synonym table's rows are stored (called from the context's model).</summary>
public static class SynonymModel
{
    public static void Map(ModelBuilder builder)
    {
        builder.Entity<SynonymGroup>(e =>
        {
            e.ToTable("synonym_groups");
            e.HasKey(g => g.Id);
            e.Property(g => g.UpdatedBy).HasMaxLength(256);
        });
        builder.Entity<SynonymVersion>(e =>
        {
            e.ToTable("synonym_version");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
        });
    }
}
