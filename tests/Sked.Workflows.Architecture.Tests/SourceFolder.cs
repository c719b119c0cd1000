namespace Sked.Workflows.Architecture.Tests;

/// <summary>The checkout's source files, for the rules that read code as text.</summary>
internal static class SourceFolder
{
    public static string Root { get; } = FindRoot();

    /// <summary>The C# files of one project folder (e.g. "src/Sked.Workflows.Engine"), without build output.</summary>
    public static IEnumerable<string> CSharpFiles(string project)
    {
        var folder = Path.Combine(Root, project);
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(folder, path)));
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sked.Workflows.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the checkout: Sked.Workflows.sln not found above " + AppContext.BaseDirectory);
    }
}
