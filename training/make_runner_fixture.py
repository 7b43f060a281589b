"""Writes src/classify/onnx/testdata/affine.onnx: y = x @ W + b with known W, b (runner tests).
Run: /usr/bin/python3 training/make_runner_fixture.py"""
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

W = np.array([[1.0, -1.0, 0.5], [2.0, 0.0, -0.5]], dtype=np.float32)  # 2 -> 3
b = np.array([0.25, 0.0, -1.0], dtype=np.float32)
x = helper.make_tensor_value_info('x', TensorProto.FLOAT, ['batch', 2])
y = helper.make_tensor_value_info('y', TensorProto.FLOAT, ['batch', 3])
g = helper.make_graph(
    [helper.make_node('MatMul', ['x', 'W'], ['xw']), helper.make_node('Add', ['xw', 'b'], ['y'])],
    'affine', [x], [y], [numpy_helper.from_array(W, 'W'), numpy_helper.from_array(b, 'b')])
m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 13)])
m.ir_version = 7
onnx.checker.check_model(m)
onnx.save(m, 'src/classify/onnx/testdata/affine.onnx')
