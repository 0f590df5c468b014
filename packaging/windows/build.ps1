# Builds the Windows installer of 乡约 in one command, from the repository root on a Windows 10/11 PC:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: 64-bit Python 3.11 (the py launcher), Inno Setup 6, and packaging\fonts\ filled (README.md).
# Result: dist\xiangyue\ (the frozen folder) and dist\xiangyue-<version>-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")
if (-not (Test-Path "packaging\fonts\wqy-microhei.ttc")) {
    throw "packaging\fonts\ is empty: copy it from a Linux build (bash packaging/fetch_fonts.sh), see packaging\windows\README.md"
}
if (-not (Test-Path ".build-venv\Scripts\python.exe")) { py -3.11 -m venv .build-venv }
$python = ".build-venv\Scripts\python.exe"
& $python -m pip install --quiet -c packaging\constraints.txt . pyinstaller
if ($LASTEXITCODE) { throw "pip install failed" }
& $python -m PyInstaller --noconfirm --clean packaging\xiangyue.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
& dist\xiangyue\xiangyue-cli.exe --help | Out-Null
if ($LASTEXITCODE) { throw "the frozen xiangyue-cli.exe does not start" }
$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe" }
& $iscc packaging\windows\xiangyue.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Get-ChildItem dist\xiangyue-*-setup.exe
