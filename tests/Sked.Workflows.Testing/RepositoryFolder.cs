namespace Sked.Workflows.Testing;

/// <summary>Finds the checkout the tests run from, so they can use its real files (web assets, artifacts).</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    public static string WebProject => Path.Combine(Root, "src", "Sked.Workflows.Web");

    /// <summary>Where tests leave files for people to look at (screenshots); created on demand.</summary>
    public static string Artifacts(string name)
    {
        var folder = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sked.Workflows.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the tests must run inside the repository (no Sked.Workflows.sln above " + AppContext.BaseDirectory + ").");
    }
}
