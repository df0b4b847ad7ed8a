#!/usr/bin/env bash
# Builds the API reference site (docs/_site) with docfx, the .NET tool pinned in .config/dotnet-tools.json: the
# reference comes from the XML docs of the packaged libraries, the guide from the repository's README.
#   docs/build.sh            build into docs/_site
#   docs/build.sh --serve    build, then serve it on http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
# The README is the guide: copied in (its links to repository files stay relative to the repository).
cp ../README.md index.md
mkdir -p api
printf '# API reference\n\nThe public types of the packages `Mentor` (inference), `Mentor.Training` (training, TorchSharp) and `Mentor.AspNetCore` (ASP.NET Core integration).\n' > api/index.md
dotnet docfx metadata docfx.json
dotnet docfx build docfx.json "$@"
echo "docs/_site/index.html"
