"""Reading a QR code from an image file, offline: a peer's public key (a photo or screenshot of its 同步 page), or a
printed copy's 校验码 (核对打印件)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from models.core.errors import DomainError

MAX_SIDE = 4000  # a phone photo is scaled down to this before decoding (faster, and just as readable)


def decode_qr_image(path: Path, otherwise: str = "或改用对方导出的公钥文件。") -> str:
    """The text of the QR code in the image; refused in Chinese when the image cannot be read or holds none
    (`otherwise` says what else to do)."""
    import zxingcpp  # zxing-cpp: maintained, wheels with no system library, works offline

    image = QImage(str(path))
    if image.isNull():
        raise DomainError(f"无法打开图片“{path.name}”。请选择 PNG 或 JPG 格式的二维码照片或截图。")
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    found = zxingcpp.read_barcodes(_grey(image), formats=zxingcpp.BarcodeFormat.QRCode)
    texts = [code.text for code in found if code.valid and code.text]
    if not texts:
        raise DomainError(f"图片“{path.name}”里没有找到可识别的二维码。请让二维码占满画面、对准拍清楚后重试，"
                          + otherwise)
    return texts[0]


def _grey(image: QImage) -> memoryview:
    """The image as rows of 8-bit grey pixels without the per-line padding Qt may add, shaped (height, width)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * height]
    rows = data if stride == width else b"".join(data[y * stride: y * stride + width] for y in range(height))
    return memoryview(rows).cast("B", (height, width))
