// Compiled twice: by MSBuild's RoslynCodeTaskFactory for PixyzGen.targets (the build-time fix), and into the runtime
// with PIXYZGEN_RUNTIME defined (TorchSharpNative applies the same fix where no build runs: notebooks; the types are
// internal there and the MSBuild task is left out). Keep it one self-contained file.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PixyzGen.Build
{
    /// <summary>What <see cref="ElfVersionPatcher.WeakenVersionNeed"/> did to a library.</summary>
#if PIXYZGEN_RUNTIME
    internal
#else
    public
#endif
    enum PatchOutcome
    {
        /// <summary>The library does not ask for the version: left byte-identical.</summary>
        NotRequired,
        /// <summary>The requirement was already weak: left byte-identical.</summary>
        AlreadyWeak,
        /// <summary>VER_FLG_WEAK was set on the requirement.</summary>
        Weakened,
    }

    /// <summary>
    /// Reads and edits the GNU symbol-versioning sections of a 64-bit little-endian ELF shared library.
    /// A weak version requirement (VER_FLG_WEAK on its Vernaux entry) lets the dynamic loader start the library
    /// when the providing library lacks that version, instead of refusing to load it.
    /// </summary>
#if PIXYZGEN_RUNTIME
    internal
#else
    public
#endif
    static class ElfVersionPatcher
    {
        private const uint SectionGnuVerdef = 0x6ffffffd;
        private const uint SectionGnuVerneed = 0x6ffffffe;
        private const ushort VersionFlagWeak = 0x2;

        /// <summary>Sets VER_FLG_WEAK on every requirement of <paramref name="version"/>; the file is rewritten only when that changes a byte.</summary>
        public static PatchOutcome WeakenVersionNeed(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var elf = new ElfImage(path, bytes);
            var outcome = PatchOutcome.NotRequired;
            foreach (var need in elf.VersionNeeds())
            {
                if (need.Name != version) continue;
                var flags = elf.U16(need.FlagsOffset);
                if ((flags & VersionFlagWeak) != 0)
                {
                    if (outcome == PatchOutcome.NotRequired) outcome = PatchOutcome.AlreadyWeak;
                    continue;
                }
                elf.WriteU16(need.FlagsOffset, (ushort)(flags | VersionFlagWeak));
                outcome = PatchOutcome.Weakened;
            }
            if (outcome == PatchOutcome.Weakened) File.WriteAllBytes(path, bytes);
            return outcome;
        }

        /// <summary>The versions a library requires, with the library that must provide each and whether it is weak.</summary>
        public static IReadOnlyList<(string File, string Version, bool Weak)> ReadVersionNeeds(string path)
        {
            var elf = new ElfImage(path, File.ReadAllBytes(path));
            var result = new List<(string, string, bool)>();
            foreach (var need in elf.VersionNeeds())
                result.Add((need.File, need.Name, (elf.U16(need.FlagsOffset) & VersionFlagWeak) != 0));
            return result;
        }

        /// <summary>The system's libstdc++.so.6 in the usual library folders, or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            foreach (var folder in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
            {
                var candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        /// <summary>Whether a library defines (provides) a symbol version, such as libstdc++ defining GLIBCXX_3.4.32.</summary>
        public static bool DefinesVersion(string path, string version)
        {
            var elf = new ElfImage(path, File.ReadAllBytes(path));
            foreach (var name in elf.VersionDefinitions())
                if (name == version) return true;
            return false;
        }

        private readonly struct VersionNeed
        {
            public VersionNeed(string file, string name, int flagsOffset)
            {
                File = file;
                Name = name;
                FlagsOffset = flagsOffset;
            }

            public string File { get; }
            public string Name { get; }
            public int FlagsOffset { get; }
        }

        /// <summary>Bounds-checked views of an ELF image; every layout surprise is an <see cref="InvalidDataException"/> naming the file.</summary>
        private sealed class ElfImage
        {
            private readonly string path;
            private readonly byte[] bytes;

            public ElfImage(string path, byte[] bytes)
            {
                this.path = path;
                this.bytes = bytes;
                if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
                    throw Bad("it is not an ELF file");
                if (bytes[4] != 2 || bytes[5] != 1)
                    throw Bad("only 64-bit little-endian ELF files are supported");
            }

            public IEnumerable<VersionNeed> VersionNeeds()
            {
                foreach (var section in Sections(SectionGnuVerneed))
                {
                    var offset = section.Offset;
                    for (var i = 0; i < section.Info; i++)
                    {
                        var count = U16(offset + 2);
                        var file = String(section.Link, U32(offset + 4));
                        var aux = offset + (int)U32(offset + 8);
                        for (var j = 0; j < count; j++)
                        {
                            yield return new VersionNeed(file, String(section.Link, U32(aux + 8)), aux + 4);
                            aux += (int)U32(aux + 12);
                        }
                        offset += (int)U32(offset + 12);
                    }
                }
            }

            public IEnumerable<string> VersionDefinitions()
            {
                foreach (var section in Sections(SectionGnuVerdef))
                {
                    var offset = section.Offset;
                    for (var i = 0; i < section.Info; i++)
                    {
                        // The first Verdaux of a definition names it; later ones name its predecessors.
                        if (U16(offset + 6) > 0) yield return String(section.Link, U32(offset + (int)U32(offset + 12)));
                        offset += (int)U32(offset + 16);
                    }
                }
            }

            private IEnumerable<Section> Sections(uint type)
            {
                var headerOffset = checked((int)U64(0x28));
                var entrySize = U16(0x3A);
                var count = U16(0x3C);
                if (entrySize < 64) throw Bad($"section header entries of {entrySize} bytes are too small");
                for (var i = 0; i < count; i++)
                {
                    var header = headerOffset + i * entrySize;
                    if (U32(header + 4) == type) yield return ReadSection(header);
                }
            }

            private Section ReadSection(int header) => new Section(checked((int)U64(header + 0x18)), (int)U32(header + 0x28), (int)U32(header + 0x2C));

            private string String(int stringSectionIndex, uint offset)
            {
                var headerOffset = checked((int)U64(0x28));
                var strings = ReadSection(headerOffset + stringSectionIndex * U16(0x3A));
                var start = strings.Offset + (int)offset;
                var end = start;
                while (true)
                {
                    Check(end, 1);
                    if (bytes[end] == 0) break;
                    end++;
                }
                return Encoding.ASCII.GetString(bytes, start, end - start);
            }

            public ushort U16(int offset)
            {
                Check(offset, 2);
                return (ushort)(bytes[offset] | bytes[offset + 1] << 8);
            }

            public void WriteU16(int offset, ushort value)
            {
                Check(offset, 2);
                bytes[offset] = (byte)value;
                bytes[offset + 1] = (byte)(value >> 8);
            }

            private uint U32(int offset)
            {
                Check(offset, 4);
                return (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);
            }

            private ulong U64(int offset) => U32(offset) | (ulong)U32(offset + 4) << 32;

            private void Check(int offset, int length)
            {
                if (offset < 0 || offset > bytes.Length - length) throw Bad($"a version table points outside the file (offset {offset})");
            }

            private InvalidDataException Bad(string why) => new InvalidDataException($"{path}: unexpected library layout: {why}.");

            private readonly struct Section
            {
                public Section(int offset, int link, int info)
                {
                    Offset = offset;
                    Link = link;
                    Info = info;
                }

                public int Offset { get; }
                public int Link { get; }
                public int Info { get; }
            }
        }
    }

#if !PIXYZGEN_RUNTIME
    /// <summary>
    /// MSBuild task: when the system libstdc++ lacks <see cref="RequiredVersion"/>, weakens that requirement in the
    /// given output copies of a library. Systems whose libstdc++ has the version are left untouched.
    /// </summary>
    public sealed class WeakenLibStdCxxRequirement : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        [Microsoft.Build.Framework.Required]
        public string RequiredVersion { get; set; } = "";

        /// <summary>Folders never to modify (the NuGet package cache).</summary>
        public string[] ProtectedFolders { get; set; } = Array.Empty<string>();

        /// <summary>Overrides the search for the system libstdc++ (for tests).</summary>
        public string SystemLibrary { get; set; } = "";

        public override bool Execute()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux)) return true;
            var system = string.IsNullOrEmpty(SystemLibrary) ? ElfVersionPatcher.FindSystemLibStdCxx() : SystemLibrary;
            if (system is null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "PixyzGen: no system libstdc++.so.6 found; TorchSharp's native library is left as it is.");
                return true;
            }
            try
            {
                if (ElfVersionPatcher.DefinesVersion(system, RequiredVersion)) return true;
                foreach (var item in Libraries)
                {
                    var library = Path.GetFullPath(item.ItemSpec);
                    foreach (var folder in ProtectedFolders)
                    {
                        if (!string.IsNullOrEmpty(folder) && library.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
                        {
                            Log.LogError($"PixyzGen: refusing to patch {library}: it lies in {folder}, which must stay untouched.");
                            return false;
                        }
                    }
                    var outcome = ElfVersionPatcher.WeakenVersionNeed(library, RequiredVersion);
                    if (outcome == PatchOutcome.Weakened)
                        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"PixyzGen: {system} lacks {RequiredVersion}; marked that requirement weak in {library}.");
                }
                return true;
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"PixyzGen: cannot apply the libstdc++ compatibility fix: {e.Message}");
                return false;
            }
        }
    }
#endif
}
